namespace ActorSegments.Domain.Modeling;

/// <summary>
/// The phases of a cohort run, in order, by the names stored with the run (its <c>Phase</c> and the keys of its
/// <c>PhaseSeconds</c>).
/// </summary>
public static class CohortRunPhases
{
    public const string Starting = "starting";
    public const string ReadingFeatures = "reading features";
    public const string Clustering = "clustering";
    public const string AssigningAndLabeling = "assigning and labeling";
    public const string Saving = "saving";
    public const string Pushing = "pushing";
    public const string Done = "done";
}
