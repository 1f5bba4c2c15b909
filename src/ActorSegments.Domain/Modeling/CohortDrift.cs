namespace ActorSegments.Domain.Modeling;

/// <summary>
/// How one cohort of a run changed since the previous successful run (see <see cref="CohortDrifts"/>): how far its
/// centroid moved, per feature and overall, in the run's scaled space (population standard deviations of the
/// transformed features, the space the matcher measures in), its size before and now, and how many members it kept.
/// </summary>
/// <param name="Matched">The previous run had this cohort (same id); false for a new cohort, whose figures of
/// movement and of the previous run are then 0.</param>
/// <param name="Movement">The Euclidean distance between the previous and the current centroid, in standard deviations.</param>
/// <param name="FeatureMovement">Per feature (run's feature order), current minus previous, in standard deviations.</param>
/// <param name="Spacing">The typical spacing of the run's cohorts (<see cref="CentroidMatcher.TypicalSpacing"/>), in standard deviations.</param>
/// <param name="PreviousSize">Customers the previous run gave the cohort.</param>
/// <param name="PreviousShare">That over all customers of the previous run.</param>
/// <param name="Size">Customers the run gives the cohort.</param>
/// <param name="Share">That over all customers of the run.</param>
/// <param name="PreviousMembers">Customers the stored assignments held in the cohort before the run.</param>
/// <param name="Kept">Of those, customers still in it.</param>
/// <param name="ChangeReason">Why the cohort's meaning changed since the previous run (<see cref="CohortMeaning"/>), or null.</param>
/// <param name="ReleasedName">A pinned name the run released because the cohort no longer means what it named, or null.</param>
/// <param name="ReleaseReason">Why it was released, or null.</param>
public sealed record CohortDrift(
    bool Matched,
    double Movement,
    double[] FeatureMovement,
    double Spacing,
    long PreviousSize,
    double PreviousShare,
    long Size,
    double Share,
    long PreviousMembers,
    long Kept,
    string? ChangeReason,
    string? ReleasedName = null,
    string? ReleaseReason = null)
{
    public bool MeaningChanged => ChangeReason is not null;

    /// <summary>The share of the previous members still in the cohort (0 when it had none).</summary>
    public double KeptShare => PreviousMembers == 0 ? 0 : (double)Kept / PreviousMembers;

    /// <summary>The share of the current members who were in it before (0 when it has none).</summary>
    public double FromPreviousShare => Size == 0 ? 0 : (double)Kept / Size;

    /// <summary>The movement over the typical spacing (the matcher keeps a cohort's id up to 0.5 of it).</summary>
    public double RelativeMovement => Spacing == 0 ? 0 : Movement / Spacing;
}
