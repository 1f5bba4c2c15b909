using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Experiments;

namespace ActorSegments.Grains.Tests.Experiments;

/// <summary>Hand-built experiments and readouts for the report tests: the arms' totals are given, the statistics are the Domain's.</summary>
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
    /// An experiment whose arms hold the given figures on every metric: customers assigned and conversions (0/1
    /// metrics), the sum and sum of squares of revenue per customer (revenue metrics). Half of each arm is targeted.
    /// </summary>
    public static ExperimentReportInput Input(ExperimentDefinition definition, ExperimentStatus status, params ArmFigures[] arms)
    {
        var byArm = arms.ToDictionary(a => a.Arm, StringComparer.Ordinal);
        var reach = definition.Arms.Select(a => new ArmReach(a.Name, a.Control, byArm[a.Name].Assigned, byArm[a.Name].Assigned / 2)).ToList();
        var metrics = definition.Metrics.Select((m, i) =>
        {
            var analyzed = definition.Arms.Select(a => new AnalyzedArm(a.Name, a.Weight, Totals(byArm[a.Name], m.Kind))).ToList();
            return new MetricReadout(m, i == 0, ExperimentAnalysis.Analyze(analyzed, definition.ControlArm.Name), analyzed.ToDictionary(a => a.Name, a => a.Totals, StringComparer.Ordinal));
        }).ToList();
        var stored = new StoredExperiment(definition, status, 2, At, status == ExperimentStatus.Draft ? null : At, status == ExperimentStatus.Stopped ? At : null);
        return ExperimentReportInput.From(new ExperimentReadout(stored, reach, metrics, At));
    }

    /// <summary>An arm's totals as the results reader makes them from its rows.</summary>
    public static ArmTotals Totals(ArmFigures arm, MetricKind kind) => kind == MetricKind.Revenue
        ? ArmTotals.FromSums(arm.Assigned, 0, arm.Sum, arm.SumOfSquares)
        : ArmTotals.FromSums(arm.Assigned, arm.Conversions, arm.Conversions, arm.Conversions);
}
