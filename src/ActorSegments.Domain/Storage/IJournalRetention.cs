namespace ActorSegments.Domain.Storage;

/// <summary>
/// Journal retention per workspace (docs/privacy.md): entries of records older than the workspace's retention period
/// leave the journal once the customer's snapshot includes them, in bounded batches that resume where the last one
/// stopped, whichever silo runs them.
/// </summary>
public interface IJournalRetention
{
    /// <summary>Sets the workspace's retention period in days; 0 keeps everything.</summary>
    Task SetDaysAsync(string workspaceId, int days, CancellationToken cancellationToken = default);

    /// <summary>The workspace's setting and the progress of its current or last pass (0 days and no pass when never set).</summary>
    Task<RetentionStatus> GetAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>The workspaces with a retention period.</summary>
    Task<IReadOnlyList<string>> WorkspacesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Examines the next <paramref name="examine"/> journal entries of the workspace's pass (starting a pass when none
    /// runs and the last finished at least <paramref name="passEvery"/> before <paramref name="now"/>), deletes those of
    /// records that occurred before the cutoff and that the customer's snapshot includes, and names the customers
    /// whose old entries it does not include yet. Null when there is nothing to do now: no retention period, a pass
    /// not due yet, or another silo running the workspace's batch.
    /// </summary>
    Task<RetentionBatch?> RunBatchAsync(string workspaceId, DateTimeOffset now, TimeSpan passEvery, int examine, CancellationToken cancellationToken = default);
}
