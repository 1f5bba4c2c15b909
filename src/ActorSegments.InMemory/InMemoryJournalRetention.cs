using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>Journal retention for the in-memory storage (dev mode and tests), with the PostgreSQL store's rules.</summary>
public sealed class InMemoryJournalRetention(InMemoryCustomerJournal journal) : IJournalRetention
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (RetentionStatus Status, (string Customer, long Sequence)? After)> _workspaces = new(StringComparer.Ordinal);

    public Task SetDaysAsync(string workspaceId, int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        lock (_lock)
        {
            var (status, after) = _workspaces.GetValueOrDefault(workspaceId, (Empty(workspaceId), null));
            _workspaces[workspaceId] = (status with { RetentionDays = days }, after);
        }

        return Task.CompletedTask;
    }

    public Task<RetentionStatus> GetAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_workspaces.TryGetValue(workspaceId, out var held) ? held.Status : Empty(workspaceId));
        }
    }

    public Task<IReadOnlyList<string>> WorkspacesAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _workspaces.Where(w => w.Value.Status.RetentionDays > 0).Select(w => w.Key).Order(StringComparer.Ordinal)]);
        }
    }

    public Task<RetentionBatch?> RunBatchAsync(string workspaceId, DateTimeOffset now, TimeSpan passEvery, int examine, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(examine);
        lock (_lock)
        {
            if (!_workspaces.TryGetValue(workspaceId, out var held) || held.Status.RetentionDays == 0)
            {
                return Task.FromResult<RetentionBatch?>(null);
            }

            var (status, after) = held;
            if (after is null)
            {
                if (status.PassFinishedAt is { } finished && now - finished < passEvery)
                {
                    return Task.FromResult<RetentionBatch?>(null);
                }

                status = status with { PassStartedAt = now, PassFinishedAt = null, Examined = 0, Deleted = 0, WaitingForSnapshot = 0 };
                after = (string.Empty, 0);
            }

            var batch = journal.RetainBatch(workspaceId, after.Value, examine, now - TimeSpan.FromDays(status.RetentionDays));
            var finishedNow = batch.Examined < examine;
            status = status with
            {
                PassFinishedAt = finishedNow ? now : null,
                Running = !finishedNow,
                Examined = status.Examined + batch.Examined,
                Deleted = status.Deleted + batch.Deleted,
                WaitingForSnapshot = status.WaitingForSnapshot + batch.Uncovered.Count,
            };
            _workspaces[workspaceId] = (status, finishedNow ? null : batch.Last);
            return Task.FromResult<RetentionBatch?>(new RetentionBatch(batch.Examined, batch.Deleted, batch.Uncovered, finishedNow));
        }
    }

    private static RetentionStatus Empty(string workspaceId) => new(workspaceId, 0, null, null, false, 0, 0, 0);
}
