using ActorSegments.Domain.Modeling;

namespace ActorSegments.ClusterBench.Recluster;

/// <summary>
/// One refresh as measured: its run record (total time, per-phase times, customers changed and pushed), the seconds
/// until every cohort segment was live again afterwards, whether each cohort segment's stored count equals the
/// cohort's size, and the most memory the process held while it ran.
/// </summary>
internal sealed record RefreshMeasurement(CohortRun Run, double SegmentsLiveSeconds, bool CountsMatch, long PeakWorkingSetBytes)
{
    /// <summary>The stages reported, each the run phase of that name (<c>CohortRefreshJob</c>).</summary>
    public static IReadOnlyList<(string Phase, string Title)> Stages { get; } =
    [
        ("reading features", "read features"),
        ("clustering", "cluster"),
        ("assigning and labeling", "assign + label"),
        ("saving", "save assignments + segments"),
        ("pushing", "push"),
    ];

    public double TotalSeconds => Run.Duration?.TotalSeconds ?? double.NaN;

    public double StageSeconds(string phase) => Run.PhaseSeconds?.GetValueOrDefault(phase) ?? 0;

    /// <summary>Time in no reported stage: loading settings before the first, and the run's own bookkeeping.</summary>
    public double OtherSeconds => TotalSeconds - Stages.Sum(s => StageSeconds(s.Phase));

    public double CustomersPerSecond => Run.Customers / TotalSeconds;
}
