using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// One metric's figures. For conversion and retention the figures to read are the conversion ones; for revenue the
/// revenue ones (per customer, over every assigned customer). <see cref="Totals"/> are the arms' totals the figures
/// were computed from, by arm name, for comparisons the results do not hold (strategy arms pair by pair).
/// </summary>
public sealed record MetricReadout(ExperimentMetric Metric, bool Primary, ExperimentResults Results, IReadOnlyDictionary<string, ArmTotals> Totals);
