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
/// conversions so far, in every arm alike; retention day N counts only customers whose day N is over (by hour of
/// assignment), in its numerator and its denominator.
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

        var now = asOf.ToUnixTimeSeconds();
        var metrics = definition.Metrics.Select((metric, index) => Analyze(definition, metric, index == 0, rows, now)).ToList();
        return new ExperimentReadout(experiment, reach, metrics, asOf);
    }

    /// <summary>The analysis of one metric from the stored totals, as of <paramref name="now"/> (Unix seconds).</summary>
    private static MetricReadout Analyze(ExperimentDefinition definition, ExperimentMetric metric, bool primary, IReadOnlyList<ArmMetricTotals> rows, long now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(rows);

        // Retention day N counts only customers assigned in hours whose every customer's day N is over.
        bool Counted(ArmMetricTotals row) =>
            metric.Kind != MetricKind.Retention || row.AssignedHour + OutcomeDelta.Hour + ((metric.Days + 1) * 86_400L) <= now;

        var arms = new List<AnalyzedArm>();
        foreach (var arm in definition.Arms)
        {
            var mine = rows.Where(r => r.Arm == arm.Name && Counted(r)).ToList();
            var customers = mine.Where(r => r.Metric is null).Sum(r => r.Customers);
            var outcomes = mine.Where(r => r.Metric == metric.Name).ToList();
            var conversions = outcomes.Sum(r => r.Conversions);
            var armTotals = metric.Kind == MetricKind.Revenue
                ? ArmTotals.FromSums(customers, 0, outcomes.Sum(r => r.Sum), Math.Max(0, outcomes.Sum(r => r.SumOfSquares)))
                : ArmTotals.FromSums(customers, conversions, conversions, conversions); // a 0/1 outcome: its sum and squares are the conversions
            arms.Add(new AnalyzedArm(arm.Name, arm.Weight, armTotals));
        }

        var totals = arms.ToDictionary(a => a.Name, a => a.Totals, StringComparer.Ordinal);
        return new MetricReadout(metric, primary, ExperimentAnalysis.Analyze(arms, definition.ControlArm.Name), totals);
    }
}
