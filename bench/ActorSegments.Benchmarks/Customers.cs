using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Time;

namespace ActorSegments.Benchmarks;

/// <summary>
/// Customers with a given number of events spread over a number of days: the shopper mix of
/// <see cref="EventStream"/> (11 commerce types), optionally with 15% of events spread over 9 custom types (20 types),
/// or, for the worst case, all 20 types equally frequent.
/// </summary>
internal static class Customers
{
    public enum Mix
    {
        Shopper,
        ShopperWithCustomTypes,
        Uniform,
    }

    private static readonly string[] CommerceTypes =
        ["product_viewed", "page_viewed", "search", "cart_added", "cart_removed", "checkout_started", "purchase", "email_sent", "email_opened", "email_clicked", "email_replied"];

    private static readonly string[] CustomTypes = [.. Enumerable.Range(0, 9).Select(i => $"custom_event_{i}")];

    public static CustomerState Build(int events, int days, int seed, Mix mix = Mix.Shopper)
    {
        var model = BehaviorModel.Default;
        var end = UnixTime.Seconds(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var random = new Random(seed);
        var stream = new EventStream(0, seed);
        var times = Enumerable.Range(0, events).Select(_ => end - (long)(random.NextDouble() * days * 86_400)).Order().ToArray();
        var allTypes = CommerceTypes.Concat(CustomTypes).ToArray();
        var state = new CustomerState();
        foreach (var time in times)
        {
            var template = stream.Next();
            var type = mix switch
            {
                Mix.Uniform => allTypes[random.Next(allTypes.Length)],
                Mix.ShopperWithCustomTypes when random.Next(100) < 15 => CustomTypes[random.Next(CustomTypes.Length)],
                _ => template.Type,
            };
            state.Apply(template with { Type = type, OccurredAt = UnixTime.ToDateTimeOffset(time) }, model, time);
        }

        state.AdvanceTo(end, model);
        state.Compact(model);
        return state;
    }
}
