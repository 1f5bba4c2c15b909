using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// An experiment's live results: customers assigned and (for messaged arms) targeted per arm, and per metric the
/// statistics of every arm and of every arm against the control. Read from the arm totals the journal keeps, so
/// every figure is exact as of <see cref="AsOf"/>.
/// </summary>
public sealed record ExperimentReadout(
    StoredExperiment Experiment,
    IReadOnlyList<ArmReach> Reach,
    IReadOnlyList<MetricReadout> Metrics,
    DateTimeOffset AsOf);

/// <summary>
/// One arm's reach: customers assigned to it, and those its segment holds now (the customers to message: for a
/// strategy arm, the assigned customers its targeting matches).
/// </summary>
public sealed record ArmReach(string Arm, bool Control, long Assigned, long Targeted)
{
    /// <summary>The share of the arm its targeting reaches, or null before anyone is assigned.</summary>
    public double? TargetedShare => Assigned == 0 ? null : (double)Targeted / Assigned;
}

/// <summary>
/// One metric's figures. For conversion and retention the figures to read are the conversion ones; for revenue the
/// revenue ones (per customer, over every assigned customer).
/// </summary>
public sealed record MetricReadout(ExperimentMetric Metric, bool Primary, ExperimentResults Results);
