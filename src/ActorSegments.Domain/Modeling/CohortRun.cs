namespace ActorSegments.Domain.Modeling;

/// <summary>
/// One cohort refresh: what it clustered on, how k was chosen, what it found and how far pushing the assignments to
/// customers has got. Saved when it starts, as it progresses and when it ends. <c>PhaseSeconds</c>: how long each phase
/// took, by phase name (a phase is added when it ends; stores need not keep the order); null in runs stored before
/// phases were timed. <c>PreviousRunId</c>: the successful run the cohorts' drift is measured against (null when there
/// was none, and in runs stored before drift was); <c>Retired</c>: that run's cohorts this one no longer has.
/// </summary>
public sealed record CohortRun(
    string WorkspaceId,
    long RunId,
    CohortRunStatus Status,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Phase,
    IReadOnlyList<string> Features,
    int K,
    double Inertia,
    double Silhouette,
    IReadOnlyList<KCandidate> Candidates,
    IReadOnlyList<CohortDescription> Cohorts,
    long Customers,
    long Changed,
    long Pushed,
    string? Error,
    IReadOnlyDictionary<string, double>? PhaseSeconds = null,
    long? PreviousRunId = null,
    IReadOnlyList<string>? Retired = null)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>A run that starts now: running, in phase <see cref="CohortRunPhases.Starting"/>, nothing found yet.</summary>
    public static CohortRun Start(string workspaceId, long runId, string trigger, DateTimeOffset startedAt) =>
        new(workspaceId, runId, CohortRunStatus.Running, trigger, startedAt, null, CohortRunPhases.Starting, [], 0, 0, 0, [], [], 0, 0, 0, null);

    /// <summary>This run, ended at <paramref name="at"/> by <paramref name="error"/> in the phase it had reached.</summary>
    public CohortRun Fail(DateTimeOffset at, string error) => this with { Status = CohortRunStatus.Failed, FinishedAt = at, Error = error };
}

public enum CohortRunStatus
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>One k tried: the within-cluster sum of squares (elbow curve) and the silhouette on a sample.</summary>
public sealed record KCandidate(int K, double Inertia, double Silhouette);

/// <summary>
/// One cohort of a run: its stable id, name and description (and where they came from: the deterministic labeler, a
/// language model, or a user's pin), its size, its centroid as raw feature means in the run's feature order, and how
/// it changed since the previous successful run (null in a run stored before drift was measured).
/// </summary>
public sealed record CohortDescription(string Id, string Name, string Description, string LabelSource, long Size, float[] Centroid, CohortDrift? Drift = null);
