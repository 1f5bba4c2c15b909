namespace ActorSegments.Domain.Modeling;

/// <summary>
/// What a refresh changes in the workspace's cohort names, applied to the settings as they are when it ends. A refresh
/// runs for minutes while the workspace stays usable: a rename, or a change of k or features, made meanwhile must not
/// be overwritten by the copy the refresh read when it started. The refresh's own changes (unpinned names dropped,
/// pins released or anchored) apply only to the cohorts whose name nobody changed during the run.
/// </summary>
public static class CohortLabelChanges
{
    /// <summary>
    /// <paramref name="current"/> with the refresh's names applied: for each cohort whose override is the same now as in
    /// <paramref name="atStart"/>, the one in <paramref name="afterRun"/> (or none); the others as they are now.
    /// </summary>
    public static CohortSettings Apply(CohortSettings atStart, IReadOnlyDictionary<string, CohortLabelOverride> afterRun, CohortSettings current)
    {
        ArgumentNullException.ThrowIfNull(atStart);
        ArgumentNullException.ThrowIfNull(afterRun);
        ArgumentNullException.ThrowIfNull(current);
        var labels = new Dictionary<string, CohortLabelOverride>(current.Labels, StringComparer.Ordinal);
        foreach (var cohortId in atStart.Labels.Keys.Union(afterRun.Keys, StringComparer.Ordinal))
        {
            if (!Same(atStart.Labels.GetValueOrDefault(cohortId), current.Labels.GetValueOrDefault(cohortId)))
            {
                continue; // renamed while the refresh ran: that name wins
            }

            if (afterRun.TryGetValue(cohortId, out var kept))
            {
                labels[cohortId] = kept;
            }
            else
            {
                labels.Remove(cohortId);
            }
        }

        return current with { Labels = labels };
    }

    /// <summary>Whether two settings name every cohort alike.</summary>
    public static bool SameLabels(CohortSettings a, CohortSettings b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Labels.Count == b.Labels.Count && a.Labels.All(l => Same(l.Value, b.Labels.GetValueOrDefault(l.Key)));
    }

    /// <summary>The same override by value (the anchor compared element by element, as read back from storage).</summary>
    private static bool Same(CohortLabelOverride? a, CohortLabelOverride? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Name == b.Name && a.Description == b.Description && a.Pinned == b.Pinned
              && (a.Anchor is null ? b.Anchor is null : b.Anchor is not null && a.Anchor.AsSpan().SequenceEqual(b.Anchor));
}
