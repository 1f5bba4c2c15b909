using System.Globalization;

namespace ActorSegments.Domain.Modeling;

/// <summary>
/// When a cohort no longer means what it meant: its centroid moved more than <see cref="MovementLimit"/> of the
/// typical spacing of the run's cohorts, or it kept fewer than <see cref="KeptLimit"/> of its previous members. A
/// run flags such a cohort, and a pinned name is released when the cohort moved that far from where it was when it
/// was pinned (or lost that many members in the run): a marketer is never shown a name whose meaning has gone.
/// </summary>
/// <remarks>
/// The movement limit is on the matcher's scale (<see cref="CentroidMatcher"/>): a cohort keeps its id up to half the
/// typical spacing, half-way to its nearest neighbour; its meaning has changed from half of that, a quarter of the
/// way. On the Online Retail data (k = 4, docs/ml.md) a quarter of the spacing is about half a standard deviation,
/// the contrast from which the rule labeler puts a word in a name.
/// </remarks>
public static class CohortMeaning
{
    /// <summary>The largest movement that keeps a meaning, as a fraction of the typical spacing (half the matcher's limit).</summary>
    public const double MovementLimit = CentroidMatcher.DefaultThreshold / 2;

    /// <summary>The smallest share of its previous members a cohort keeps and still means the same.</summary>
    public const double KeptLimit = 0.5;

    /// <summary>Why a cohort's meaning changed, or null when it did not.</summary>
    /// <param name="movement">How far its centroid moved, in standard deviations.</param>
    /// <param name="spacing">The typical spacing of the run's cohorts, in standard deviations.</param>
    /// <param name="previousMembers">Its members before the run (0: the kept share is not judged).</param>
    /// <param name="kept">Of those, the members it still has.</param>
    /// <param name="since">What the movement is measured from, e.g. "the previous run".</param>
    public static string? ChangeReason(double movement, double spacing, long previousMembers, long kept, string since)
    {
        if (movement > MovementLimit * spacing)
        {
            return Invariant($"its centroid moved {movement:0.00} standard deviations since {since}, more than {MovementLimit:0.##} of the typical spacing of the cohorts ({MovementLimit * spacing:0.00} of {spacing:0.00})");
        }

        if (previousMembers > 0 && kept < KeptLimit * previousMembers)
        {
            return Invariant($"it kept {kept:N0} of its {previousMembers:N0} previous members ({(double)kept / previousMembers:0.0%}), fewer than {KeptLimit:0%}");
        }

        return null;
    }

    /// <summary>
    /// Why a pinned name must go, or null while the cohort stays close: measured from <paramref name="anchor"/>, the
    /// cohort's raw centroid when it was pinned (the previous run's when unknown or of other features), and the kept
    /// share of this run.
    /// </summary>
    public static string? PinnedNameReleaseReason(CohortDrift drift, float[]? anchor, float[] centroid, FeatureScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(drift);
        ArgumentNullException.ThrowIfNull(centroid);
        ArgumentNullException.ThrowIfNull(scaler);
        if (!drift.Matched)
        {
            return null;
        }

        return anchor is not null && anchor.Length == centroid.Length
            ? ChangeReason(CohortDrifts.Distance(CohortDrifts.Movement(anchor, centroid, scaler)), drift.Spacing, drift.PreviousMembers, drift.Kept, "it was named")
            : ChangeReason(drift.Movement, drift.Spacing, drift.PreviousMembers, drift.Kept, "the previous run");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
