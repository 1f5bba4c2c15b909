using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Experiments;

/// <summary>One experiment in the effectiveness report, judged on its primary metric by its best arm against the control.</summary>
/// <param name="Rank">1 for the highest relative lift; experiments without one yet come last, by id.</param>
/// <param name="Experiment">The experiment as stored.</param>
/// <param name="Metric">The primary metric, which the ranking and verdicts are on.</param>
/// <param name="ControlArm">The control (holdout) arm.</param>
/// <param name="BestArm">The non-control arm with the highest relative lift (the first non-control arm while none has one).</param>
/// <param name="RelativeLift">
/// The best arm's relative lift over the control, fixed horizon (see <see cref="ExperimentReportFigures.RelativeLift"/>);
/// null while it cannot be computed.
/// </param>
/// <param name="Reach">The best arm's reach.</param>
/// <param name="RevenueMetric">The experiment's first revenue metric (primary or secondary), or null when it has none.</param>
/// <param name="RevenuePerCustomer">The best arm's revenue per customer on <paramref name="RevenueMetric"/>.</param>
/// <param name="ControlRevenuePerCustomer">The control's revenue per customer on <paramref name="RevenueMetric"/>.</param>
/// <param name="SampleRatioMismatch">Whether the assigned counts fail the sample-ratio check.</param>
/// <param name="Verdict">The best arm against the control in one sentence.</param>
/// <param name="StrategyVerdicts">Every pair of strategy arms, for strategy experiments; empty otherwise.</param>
public sealed record ExperimentReportEntry(
    int Rank,
    StoredExperiment Experiment,
    ExperimentMetric Metric,
    string ControlArm,
    string BestArm,
    Effect? RelativeLift,
    ArmReach Reach,
    string? RevenueMetric,
    double? RevenuePerCustomer,
    double? ControlRevenuePerCustomer,
    bool SampleRatioMismatch,
    string Verdict,
    IReadOnlyList<StrategyVerdict> StrategyVerdicts);
