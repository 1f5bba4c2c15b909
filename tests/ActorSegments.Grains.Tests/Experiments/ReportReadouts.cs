using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Experiments;

namespace ActorSegments.Grains.Tests.Experiments;

/// <summary>Hand-built experiments and readouts for the report tests: the totals are given, the statistics computed as the results reader does.</summary>
internal static class ReportReadouts
{
    public static readonly DateTimeOffset At = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly ExperimentMetric Purchase = new("purchase_14d", MetricKind.Conversion, "purchase", null, null, 14);

    public static readonly ExperimentMetric Revenue = new("revenue_30d", MetricKind.Revenue, "purchase", null, "revenue", 30);

    public static ExperimentDefinition Campaign(string id, params ExperimentMetric[] metrics) => Definition(
        id, [new ExperimentArm("treatment", 1), new ExperimentArm("control", 1, Control: true)], metrics);

    public static ExperimentDefinition Definition(string id, IReadOnlyList<ExperimentArm> arms, params ExperimentMetric[] metrics) =>
        new(id, $"Experiment {id}", "email", AssignmentMode.Randomized, "did(product_viewed)", arms, metrics.Length > 0 ? metrics : [Purchase], id);

    /// <summary>
    /// An experiment whose arms hold the given totals on every metric: customers assigned, conversions, and the sum and
    /// sum of squares of revenue per customer. Half of each arm is targeted.
    /// </summary>
    public static ExperimentReportInput Input(ExperimentDefinition definition, ExperimentStatus status, params ArmFigures[] arms)
    {
        // Everyone assigned in one hour, a month before the readout, so every window (retention days too) is over.
        var hour = OutcomeDelta.HourOf(At.AddDays(-30).ToUnixTimeSeconds());
        var rows = new List<ArmMetricTotals>();
        foreach (var arm in arms)
        {
            rows.Add(new ArmMetricTotals(arm.Arm, null, hour, arm.Assigned, 0, 0, 0));
            rows.AddRange(definition.Metrics.Select(m => new ArmMetricTotals(arm.Arm, m.Name, hour, 0, arm.Conversions, arm.Sum, arm.SumOfSquares)));
        }

        var assigned = arms.ToDictionary(a => a.Arm, a => a.Assigned, StringComparer.Ordinal);
        var reach = definition.Arms.Select(a => new ArmReach(a.Name, a.Control, assigned[a.Name], assigned[a.Name] / 2)).ToList();
        var metrics = definition.Metrics.Select((m, i) => new MetricReadout(m, i == 0, ExperimentResultsReader.Analyze(definition, m, rows, At.ToUnixTimeSeconds()))).ToList();
        var stored = new StoredExperiment(definition, status, 2, At, status == ExperimentStatus.Draft ? null : At, status == ExperimentStatus.Stopped ? At : null);
        return new ExperimentReportInput(new ExperimentReadout(stored, reach, metrics, At), rows);
    }
}
