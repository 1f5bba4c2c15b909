using ActorSegments.Domain.Events;
using ActorSegments.Workload;

namespace ActorSegments.ClusterBench;

/// <summary>
/// The events of one call of one customer, drawn from the shared workload's mix (<see cref="WorkloadMix"/>: ten
/// commerce types with their properties), so that ingest here does the work the load harness and the SQL baseline
/// ask for. The same customer, call and count give the same events, ids included.
/// </summary>
internal static class WorkloadCalls
{
    /// <summary>
    /// Events happened an hour before the process started, one second apart in call order: in the past, in the order
    /// each customer receives them, and recent enough for the segments' short windows.
    /// </summary>
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddHours(-1);

    /// <summary>Call <paramref name="call"/> (from 0) of customer <paramref name="customer"/>, with <paramref name="count"/> events.</summary>
    public static CustomerEvent[] For(int customer, int call, int count)
    {
        var random = new Random(unchecked((customer * 7919) + call));
        var events = new CustomerEvent[count];
        for (var k = 0; k < count; k++)
        {
            var (type, properties) = WorkloadMix.Draw(random);
            events[k] = new CustomerEvent($"{call}-{k}", type, Start.AddSeconds((call * count) + k), ToEngine(properties));
        }

        return events;
    }

    private static Dictionary<string, PropertyValue> ToEngine(IReadOnlyDictionary<string, object> properties) =>
        properties.ToDictionary(p => p.Key, p => p.Value switch
        {
            string text => PropertyValue.Of(text),
            double number => PropertyValue.Of(number),
            bool flag => PropertyValue.Of(flag),
            _ => throw new ArgumentException($"Property '{p.Key}' has a {p.Value.GetType().Name}; workload properties are string, double or bool.", nameof(properties)),
        }, StringComparer.Ordinal);
}
