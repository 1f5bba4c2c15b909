using ActorSegments.Domain.Modeling;

namespace ActorSegments.Domain.Storage;

/// <summary>Cohort runs, the current assignments and each workspace's cohort settings.</summary>
public interface ICohortStore
{
    /// <summary>A new run id for the workspace, larger than any before.</summary>
    Task<long> NextRunIdAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the run with its id.</summary>
    Task SaveRunAsync(CohortRun run, CancellationToken cancellationToken = default);

    Task<CohortRun?> GetRunAsync(string workspaceId, long runId, CancellationToken cancellationToken = default);

    /// <summary>The most recent runs, newest first.</summary>
    Task<IReadOnlyList<CohortRun>> ListRunsAsync(string workspaceId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The newest run that succeeded, or null.</summary>
    Task<CohortRun?> LatestSucceededAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>The assignments of the last succeeded run, in customer id order.</summary>
    IAsyncEnumerable<CohortAssignment> ReadAssignmentsAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the workspace's assignments at once, readers seeing all of the changes or none: each of
    /// <paramref name="changed"/> inserts or replaces its customer's assignment, and every customer in
    /// <paramref name="removed"/> loses its own. A customer listed twice in <paramref name="changed"/> fails the whole change; removals apply first. A refresh passes only
    /// what differs from the assignments it read, so a run that moved nobody writes nothing.
    /// </summary>
    Task UpdateAssignmentsAsync(string workspaceId, IAsyncEnumerable<CohortAssignment> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken = default);

    Task<CohortSettings> GetSettingsAsync(string workspaceId, CancellationToken cancellationToken = default);

    Task SaveSettingsAsync(string workspaceId, CohortSettings settings, CancellationToken cancellationToken = default);
}
