using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Cohorts;

/// <summary>
/// Chooses k from the candidates' inertia and silhouette.
/// <list type="number">
/// <item>The knee of the log-inertia curve: the curve runs from k = 1 (the total sum of squares, known without a fit, so
/// a knee at the smallest candidate can be seen) through every candidate; both axes are scaled to [0, 1] and the knee is
/// the candidate furthest below the chord from the first point to the last (Kneedle). No point below the chord (no
/// bend) puts the knee at the smallest candidate.</item>
/// <item>Among the candidates at or after the knee, the one with the best silhouette (the smaller k on a tie).</item>
/// </list>
/// Why the logarithm (as the gap statistic takes log W_k): halving the inertia late counts as much as halving it early.
/// On the raw scale the first drops dwarf the rest, so a pair of close groups among far ones (inertia halved from three
/// to four clusters, flat after) had its knee at three. Why both criteria: the silhouette alone merges close groups
/// (0.73 for three against 0.70 for four there) and the knee alone can stop early on a long tail; so the knee is the
/// lower bound and the silhouette decides above it. No margin in favour of fewer cohorts: on seven planted groups a
/// margin of 0.01 took six over a silhouette better by 0.003.
/// </summary>
internal static class KSelection
{
    /// <param name="candidates">Candidates in increasing k.</param>
    /// <param name="inertiaAtOne">The inertia of one cluster (per row, like the candidates'): the total variance.</param>
    public static int Choose(IReadOnlyList<KCandidate> candidates, double inertiaAtOne)
    {
        var knee = Knee(candidates, inertiaAtOne);
        var above = candidates.Where(c => c.K >= knee).ToArray();
        var best = above.Max(c => c.Silhouette);
        return above.First(c => c.Silhouette == best).K;
    }

    /// <inheritdoc cref="Choose" />
    public static int Knee(IReadOnlyList<KCandidate> candidates, double inertiaAtOne)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("There are no candidates to choose k from.", nameof(candidates));
        }

        var knee = candidates[0].K;
        if (inertiaAtOne <= 0)
        {
            return knee;
        }

        // A floor keeps the logarithm finite when a k fits the rows exactly.
        double Log(double inertia) => Math.Log(Math.Max(inertia, inertiaAtOne * 1e-12));
        var last = candidates[^1];
        var width = last.K - 1.0;
        var height = Log(inertiaAtOne) - Log(last.Inertia);
        if (width <= 0 || height <= 0)
        {
            return knee;
        }

        var furthest = 0.0;
        foreach (var candidate in candidates)
        {
            var x = (candidate.K - 1) / width;
            var y = (Log(candidate.Inertia) - Log(last.Inertia)) / height;
            var belowChord = 1 - x - y;
            if (belowChord > furthest)
            {
                (furthest, knee) = (belowChord, candidate.K);
            }
        }

        return knee;
    }
}
