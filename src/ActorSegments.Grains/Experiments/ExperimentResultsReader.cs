using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// Reads an experiment's results: a handful of total rows per arm (<see cref="IExperimentTotals"/>) and one count per
/// arm segment, whatever the number of customers, then the statistics of the Domain.
/// </summary>
/// <remarks>
/// Every customer assigned counts in conversion and revenue metrics from the moment of assignment (intent to treat:
/// strategy arms are compared over all their customers, targeted or not). A conversion window still open counts the
/// conversions so far, in every arm alike; retention day N counts only customers whose day N is over.
/// </remarks>
public sealed class ExperimentResultsReader(IExperimentStore store, IExperimentTotals totals, ISegmentCounts counts, TimeProvider clock)
{
    public async Task<ExperimentReadout?> ReadAsync(string workspaceId, string experimentId, CancellationToken cancellationToken = default)
    {
        var experiment = await store.FindExperimentAsync(workspaceId, experimentId, cancellationToken);
        if (experiment is null)
        {
            return null;
        }

        var asOf = clock.GetUtcNow();
        var rows = await totals.TotalsAsync(workspaceId, experimentId, cancellationToken);
        var definition = experiment.Definition;
        var assigned = definition.Arms.ToDictionary(a => a.Name, a => rows.Where(r => r.Arm == a.Name && r.Metric is null).Sum(r => r.Customers), StringComparer.Ordinal);
        var reach = new List<ArmReach>();
        foreach (var arm in definition.Arms)
        {
            var targeted = await counts.CountAsync(workspaceId, ExperimentNames.ArmSegment(definition.Id, arm.Name), cancellationToken);
            reach.Add(new ArmReach(arm.Name, arm.Control, assigned[arm.Name], targeted));
        }

        var metrics = definition.Metrics.Select((metric, index) => new MetricReadout(metric, index == 0, Analyze(definition, metric, rows, assigned))).ToList();
        return new ExperimentReadout(experiment, reach, metrics, asOf);
    }

    /// <summary>The analysis of one metric from the stored totals.</summary>
    public static ExperimentResults Analyze(ExperimentDefinition definition, ExperimentMetric metric, IReadOnlyList<ArmMetricTotals> rows, IReadOnlyDictionary<string, long> assigned)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(assigned);
        var arms = new List<AnalyzedArm>();
        foreach (var arm in definition.Arms)
        {
            var row = rows.FirstOrDefault(r => r.Arm == arm.Name && r.Metric == metric.Name);
            var conversions = row?.Conversions ?? 0;
            var customers = metric.Kind == MetricKind.Retention ? row?.Customers ?? 0 : assigned.GetValueOrDefault(arm.Name);
            var armTotals = metric.Kind == MetricKind.Revenue
                ? ArmTotals.FromSums(customers, 0, row?.Sum ?? 0, Math.Max(0, row?.SumOfSquares ?? 0))
                : ArmTotals.FromSums(customers, conversions, conversions, conversions); // a 0/1 outcome: its sum and squares are the conversions
            arms.Add(new AnalyzedArm(arm.Name, arm.Weight, armTotals));
        }

        return ExperimentAnalysis.Analyze(arms, definition.ControlArm.Name);
    }
}
