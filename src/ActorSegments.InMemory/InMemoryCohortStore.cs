using System.Runtime.CompilerServices;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>
/// Cohort runs, assignments and settings in process memory (dev mode and tests), with the PostgreSQL store's rules:
/// run ids count up per workspace, assignments change all at once (a failed change leaves the old ones) and are read
/// in ordinal customer order.
/// </summary>
public sealed class InMemoryCohortStore : ICohortStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _lastRunIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Workspace, long RunId), CohortRun> _runs = [];
    private readonly Dictionary<string, CohortAssignment[]> _assignments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CohortSettings> _settings = new(StringComparer.Ordinal);

    public Task<long> NextRunIdAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var next = _lastRunIds.GetValueOrDefault(workspaceId) + 1;
            _lastRunIds[workspaceId] = next;
            return Task.FromResult(next);
        }
    }

    public Task SaveRunAsync(CohortRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_lock)
        {
            _runs[(run.WorkspaceId, run.RunId)] = run;
        }

        return Task.CompletedTask;
    }

    public Task<CohortRun?> GetRunAsync(string workspaceId, long runId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_runs.GetValueOrDefault((workspaceId, runId)));
        }
    }

    public Task<IReadOnlyList<CohortRun>> ListRunsAsync(string workspaceId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<CohortRun>>([.. RunsNewestFirst(workspaceId).Take(limit)]);
        }
    }

    public Task<CohortRun?> LatestSucceededAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(RunsNewestFirst(workspaceId).FirstOrDefault(r => r.Status == CohortRunStatus.Succeeded));
        }
    }

    public async IAsyncEnumerable<CohortAssignment> ReadAssignmentsAsync(string workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CohortAssignment[] assignments;
        lock (_lock)
        {
            assignments = _assignments.GetValueOrDefault(workspaceId) ?? [];
        }

        // The array is never changed once stored (a change stores a new one), so it is read without the lock.
        foreach (var assignment in assignments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return assignment;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async Task UpdateAssignmentsAsync(string workspaceId, IAsyncEnumerable<CohortAssignment> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(removed);
        var changes = new Dictionary<string, CohortAssignment>(StringComparer.Ordinal);
        await foreach (var assignment in changed.WithCancellation(cancellationToken))
        {
            if (!changes.TryAdd(assignment.CustomerId, assignment))
            {
                // As the PostgreSQL store's upsert does: the whole change fails, the old assignments stay.
                throw new InvalidOperationException($"Customer '{assignment.CustomerId}' is assigned twice.");
            }
        }

        lock (_lock)
        {
            var updated = new SortedDictionary<string, CohortAssignment>((_assignments.GetValueOrDefault(workspaceId) ?? []).ToDictionary(a => a.CustomerId, StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var customerId in removed)
            {
                updated.Remove(customerId);
            }

            foreach (var (customerId, assignment) in changes)
            {
                updated[customerId] = assignment;
            }

            _assignments[workspaceId] = [.. updated.Values];
        }
    }

    public Task<CohortSettings> GetSettingsAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_settings.GetValueOrDefault(workspaceId) ?? CohortSettings.Default);
        }
    }

    public Task SaveSettingsAsync(string workspaceId, CohortSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_lock)
        {
            _settings[workspaceId] = settings;
        }

        return Task.CompletedTask;
    }

    private IEnumerable<CohortRun> RunsNewestFirst(string workspaceId) =>
        _runs.Values.Where(r => r.WorkspaceId == workspaceId).OrderByDescending(r => r.RunId);

    /// <summary>Removes the customer's assignment (an erasure); returns how many rows went.</summary>
    internal int Forget(string workspaceId, string customerId)
    {
        lock (_lock)
        {
            var assignments = _assignments.GetValueOrDefault(workspaceId) ?? [];
            var kept = Array.FindAll(assignments, a => !string.Equals(a.CustomerId, customerId, StringComparison.Ordinal));
            _assignments[workspaceId] = kept;
            return assignments.Length - kept.Length;
        }
    }
}
