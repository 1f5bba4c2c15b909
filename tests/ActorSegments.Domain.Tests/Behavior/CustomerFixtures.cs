using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Behavior;

/// <summary>Customers with realistic histories for size and codec tests.</summary>
internal static class CustomerFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Categories = ["Smartphones", "Laptops", "Audio", "Cameras", "Wearables", "Gaming", "Home", "Accessories"];

    /// <summary>
    /// How often each event type occurs for an active shopper: browsing dominates, purchases are rare. The first
    /// entries are the commerce types; custom types share the rest.
    /// </summary>
    private static readonly (string Type, double Weight)[] RealisticMix =
    [
        ("product_viewed", 40), ("page_viewed", 18), ("search", 7), ("email_sent", 6), ("cart_added", 4),
        ("email_opened", 4), ("email_clicked", 1.5), ("cart_removed", 1), ("checkout_started", 1), ("purchase", 0.8),
        ("email_replied", 0.2),
    ];

    /// <summary>
    /// <paramref name="events"/> events spread over <paramref name="days"/> days across <paramref name="types"/> event
    /// types, applied in time order with the clock following the events. With <paramref name="uniform"/> every type is
    /// equally frequent (the worst case for size: every type fills its buckets); otherwise types follow a realistic mix.
    /// </summary>
    public static CustomerState Build(int events, int days, int types, int seed, bool uniform = false, BehaviorModel? model = null)
    {
        model ??= BehaviorModel.Default;
        var random = new Random(seed);
        var mix = RealisticMix
            .Concat(Enumerable.Range(0, Math.Max(0, types - RealisticMix.Length)).Select(i => ($"custom_event_{i}", 16.5 / Math.Max(1, types - RealisticMix.Length))))
            .Take(types)
            .Select(t => (t.Item1, uniform ? 1.0 : t.Item2))
            .ToArray();
        var totalWeight = mix.Sum(t => t.Item2);
        var start = UnixTime.Seconds(Now) - (days * 86_400L);
        var times = Enumerable.Range(0, events).Select(_ => start + (long)(random.NextDouble() * days * 86_400)).Order().ToArray();

        var state = new CustomerState();
        for (var i = 0; i < events; i++)
        {
            var type = Pick(mix, random.NextDouble() * totalWeight);
            var properties = new Dictionary<string, PropertyValue>
            {
                ["category"] = PropertyValue.Of(Categories[random.Next(Categories.Length)]),
                ["product_id"] = PropertyValue.Of($"P{random.Next(400)}"),
                ["price"] = PropertyValue.Of(Math.Round(random.NextDouble() * 300, 2)),
                ["revenue"] = PropertyValue.Of(Math.Round(random.NextDouble() * 500, 2)),
                ["campaign"] = PropertyValue.Of($"C{random.Next(30)}"),
            };
            var evt = new CustomerEvent($"e{i}", type, UnixTime.ToDateTimeOffset(times[i]), properties);
            state.Apply(evt, model, times[i]);
        }

        state.AdvanceTo(UnixTime.Seconds(Now), model);
        state.Compact(model);
        return state;
    }

    private static string Pick((string Type, double Weight)[] mix, double point)
    {
        foreach (var (type, weight) in mix)
        {
            if (point < weight)
            {
                return type;
            }

            point -= weight;
        }

        return mix[^1].Type;
    }
}
