namespace ActorSegments.Domain.Modeling;

/// <summary>
/// The drift of each cohort of a run against the previous successful run: a cohort that kept its id is compared
/// with the previous run's cohort of that id. Centroids are compared as the matcher compares them (raw feature means,
/// both mapped through the new run's scaler), so movements are in the new run's standard deviations.
/// </summary>
public static class CohortDrifts
{
    /// <summary>One drift per cohort, in the order of <paramref name="ids"/>.</summary>
    /// <param name="previous">The previous successful run; null when there was none.</param>
    /// <param name="features">The run's features; a previous run of other features matches nothing.</param>
    /// <param name="ids">The run's cohort ids.</param>
    /// <param name="rawCentroids">The run's raw centroids, in the order of the ids.</param>
    /// <param name="sizes">The run's cohort sizes, in the order of the ids.</param>
    /// <param name="scaler">The run's scaler.</param>
    /// <param name="transitions">The customers' cohorts before and after the run.</param>
    public static CohortDrift[] Compute(
        CohortRun? previous,
        IReadOnlyList<string> features,
        IReadOnlyList<string> ids,
        IReadOnlyList<float[]> rawCentroids,
        IReadOnlyList<long> sizes,
        FeatureScaler scaler,
        CohortTransitions transitions)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(rawCentroids);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(scaler);
        ArgumentNullException.ThrowIfNull(transitions);
        var comparable = previous is not null && previous.Features.SequenceEqual(features, StringComparer.Ordinal)
            ? previous.Cohorts.Where(c => c.Centroid.Length == features.Count).ToDictionary(c => c.Id, StringComparer.Ordinal)
            : [];
        var previousTotal = Math.Max(1, comparable.Values.Sum(c => c.Size));
        var total = Math.Max(1, sizes.Sum());
        var spacing = CentroidMatcher.TypicalSpacing(rawCentroids.Count > 1
            ? [.. rawCentroids.Select(c => scaler.Transform(c))]
            : [.. comparable.Values.Select(c => scaler.Transform(c.Centroid))]);
        var drifts = new CohortDrift[ids.Count];
        for (var c = 0; c < ids.Count; c++)
        {
            var id = ids[c];
            var share = (double)sizes[c] / total;
            var (previousMembers, kept) = (transitions.Previous(id), transitions.Kept(id));
            if (!comparable.TryGetValue(id, out var before))
            {
                drifts[c] = new CohortDrift(false, 0, [], spacing, 0, 0, sizes[c], share, previousMembers, kept, null);
                continue;
            }

            var movement = Movement(before.Centroid, rawCentroids[c], scaler);
            var distance = Distance(movement);
            drifts[c] = new CohortDrift(
                true, distance, movement, spacing, before.Size, (double)before.Size / previousTotal, sizes[c], share, previousMembers, kept,
                CohortMeaning.ChangeReason(distance, spacing, previousMembers, kept, "the previous run"));
        }

        return drifts;
    }

    /// <summary>Per feature, where <paramref name="to"/> sits minus where <paramref name="from"/> sat, both raw, in the scaler's standard deviations.</summary>
    public static double[] Movement(float[] from, float[] to, FeatureScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(scaler);
        var (a, b) = (scaler.Transform(from), scaler.Transform(to));
        return [.. a.Select((x, j) => (double)b[j] - x)];
    }

    /// <summary>The Euclidean length of a per-feature movement.</summary>
    public static double Distance(IReadOnlyList<double> movement)
    {
        ArgumentNullException.ThrowIfNull(movement);
        return Math.Sqrt(movement.Sum(d => d * d));
    }

    /// <summary>The previous run's cohorts the run no longer has (their ids retire with them).</summary>
    public static IReadOnlyList<string> Retired(CohortRun? previous, IReadOnlyList<string> ids) =>
        [.. (previous?.Cohorts ?? []).Select(c => c.Id).Except(ids ?? [], StringComparer.Ordinal)];
}
