using ActorSegments.Domain.Events;
using ActorSegments.Domain.Time;

namespace ActorSegments.Benchmarks;

/// <summary>
/// An endless, deterministic stream of one shopper's events, in sessions: a burst of 3 to 30 events a minute or two
/// apart, then a pause of hours. Mostly views, some carts and emails, occasional purchases. The default pace is a
/// heavy customer, about 10,000 events a year.
/// </summary>
internal sealed class EventStream
{
    private static readonly string[] Categories = ["Smartphones", "Laptops", "Audio", "Cameras", "Wearables", "Gaming", "Home", "Accessories"];
    private readonly (string Type, IReadOnlyDictionary<string, PropertyValue> Properties)[] _templates;
    private readonly long[] _gaps;
    private long _clock;
    private int _next;

    public EventStream(long start, int seed = 7, double eventsPerYear = 10_000)
    {
        var random = new Random(seed);
        _clock = start;
        _templates = Enumerable.Range(0, 4096).Select(_ => Template(random)).ToArray();
        // Sessions average 16 events 90 seconds apart; the pause between sessions sets the yearly pace.
        var sessionsPerYear = eventsPerYear / 16;
        var meanPause = (365.0 * 86_400 / sessionsPerYear) - (16 * 90);
        _gaps = Enumerable.Range(0, 4096).Select(_ => random.Next(16) == 0
            ? (long)(-Math.Log(1 - random.NextDouble()) * meanPause)
            : random.Next(20, 160)).ToArray();
    }

    public long Now => _clock;

    public CustomerEvent Next()
    {
        _clock += _gaps[_next % _gaps.Length];
        var (type, properties) = _templates[_next++ % _templates.Length];
        return new CustomerEvent("e", type, UnixTime.ToDateTimeOffset(_clock), properties);
    }

    private static (string, IReadOnlyDictionary<string, PropertyValue>) Template(Random random)
    {
        var roll = random.Next(100);
        var category = PropertyValue.Of(Categories[random.Next(Categories.Length)]);
        return roll switch
        {
            < 55 => ("product_viewed", new Dictionary<string, PropertyValue> { ["category"] = category, ["product_id"] = PropertyValue.Of($"P{random.Next(500)}"), ["price"] = PropertyValue.Of(Math.Round(random.NextDouble() * 300, 2)) }),
            < 70 => ("page_viewed", new Dictionary<string, PropertyValue>()),
            < 76 => ("search", new Dictionary<string, PropertyValue>()),
            < 82 => ("cart_added", new Dictionary<string, PropertyValue> { ["category"] = category, ["price"] = PropertyValue.Of(Math.Round(random.NextDouble() * 300, 2)), ["quantity"] = PropertyValue.Of(1) }),
            < 84 => ("cart_removed", new Dictionary<string, PropertyValue> { ["price"] = PropertyValue.Of(50), ["quantity"] = PropertyValue.Of(1) }),
            < 86 => ("checkout_started", new Dictionary<string, PropertyValue>()),
            < 88 => ("purchase", new Dictionary<string, PropertyValue> { ["category"] = category, ["revenue"] = PropertyValue.Of(Math.Round(20 + (random.NextDouble() * 400), 2)) }),
            < 94 => ("email_sent", new Dictionary<string, PropertyValue>()),
            < 98 => ("email_opened", new Dictionary<string, PropertyValue>()),
            _ => ("email_clicked", new Dictionary<string, PropertyValue>()),
        };
    }
}
