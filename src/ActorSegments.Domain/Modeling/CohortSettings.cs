namespace ActorSegments.Domain.Modeling;

/// <summary>
/// A workspace's overrides of cohort refreshes: a fixed k instead of choosing one, the features to cluster on, and
/// names a user gave cohorts (a pinned name survives refreshes; an unpinned rename lasts until the next one).
/// </summary>
public sealed record CohortSettings(int? FixedK, IReadOnlyList<string>? Features, IReadOnlyDictionary<string, CohortLabelOverride> Labels)
{
    public static CohortSettings Default { get; } = new(null, null, new Dictionary<string, CohortLabelOverride>(StringComparer.Ordinal));
}

/// <summary>
/// A name a user gave a cohort. <c>Anchor</c>: the cohort's raw centroid when the name was given, where a pinned
/// name's meaning is measured from (<see cref="CohortMeaning"/>); null for names given before it was kept.
/// </summary>
public sealed record CohortLabelOverride(string Name, string? Description, bool Pinned, float[]? Anchor = null);
