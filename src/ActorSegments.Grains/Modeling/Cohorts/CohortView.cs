using ActorSegments.Domain.Modeling;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// A cohort of the latest run as users see it: a user's name, description and pin applied over the generated label,
/// its size at the run and its segment's members now, its centroid by feature name, and how it changed since the run
/// before (null for runs stored before drift was measured).
/// </summary>
public sealed record CohortView(
    string Id,
    string Name,
    string Description,
    string LabelSource,
    bool Pinned,
    long Size,
    long Members,
    IReadOnlyList<KeyValuePair<string, float>> Centroid,
    CohortDrift? Drift = null)
{
    /// <summary>The rule of the cohort's segment, and of an audience of this cohort alone.</summary>
    public string Rule => CohortRefreshJob.CohortRule(Id);
}
