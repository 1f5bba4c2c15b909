using ActorSegments.Datasets.Retail;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Demo;

/// <summary>Population figures computed from profiles as the engine reports them.</summary>
internal static class DemoFigures
{
    /// <summary>RFM over the customers who bought (the profile has no RFM otherwise); null when none has it.</summary>
    public static RfmFigures? Rfm(IReadOnlyList<CustomerProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var buyers = profiles.Where(p => p.Rfm is not null).Select(p => p.Rfm).ToList();
        if (buyers.Count == 0)
        {
            return null;
        }

        return new RfmFigures(
            buyers.Count,
            Distribution.Of(buyers.Select(r => (decimal)r.RecencyDays)),
            Distribution.Of(buyers.Select(r => (decimal)r.Frequency)),
            Distribution.Of(buyers.Select(r => (decimal)r.Monetary)));
    }

    /// <summary>Customers per stage, most common first (ties by name, so the order is stable).</summary>
    public static IReadOnlyList<StageCount> Lifecycle(IReadOnlyList<CustomerProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return [.. profiles
            .GroupBy(p => string.IsNullOrEmpty(p.LifecycleStage) ? "(none)" : p.LifecycleStage, StringComparer.Ordinal)
            .Select(g => new StageCount(g.Key, g.Count()))
            .OrderByDescending(s => s.Customers)
            .ThenBy(s => s.Stage, StringComparer.Ordinal)];
    }
}
