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
