using System.Diagnostics.Metrics;

namespace ActorSegments.Grains.Customers;

/// <summary>
/// How often customers are compacted after being idle and rebuilt for a call, by workspace: a rate of awakenings close
/// to the call rate says <see cref="CustomerGrainOptions.DormantAfter"/> is too short for the traffic. One per silo, on
/// the silo's <see cref="IMeterFactory"/>.
/// </summary>
public sealed class DormancyMetrics
{
    /// <summary>The meter of customer activity; counters are tagged with the workspace.</summary>
    public const string MeterName = "ActorSegments.Customers";

    private readonly Counter<long> _wentDormant;
    private readonly Counter<long> _awoke;

    public DormancyMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _wentDormant = meter.CreateCounter<long>("actorsegments.customers.dormant", description: "Customers whose state was compacted after being idle");
        _awoke = meter.CreateCounter<long>("actorsegments.customers.awakened", description: "Dormant customers whose state was rebuilt for a call");
    }

    public void WentDormant(string workspaceId) => _wentDormant.Add(1, new KeyValuePair<string, object?>("workspace", workspaceId));

    public void Awoke(string workspaceId) => _awoke.Add(1, new KeyValuePair<string, object?>("workspace", workspaceId));
}
