using System.Collections.Concurrent;
using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>Customers' snapshots, kept as the PostgreSQL journal keeps them (never replaced by an older one).</summary>
public sealed partial class InMemoryCustomerJournal
{
    private readonly ConcurrentDictionary<(string Workspace, string Customer), StoredSnapshot> _snapshots = [];
    private readonly ConcurrentDictionary<(string Workspace, string Customer), int> _snapshotWrites = [];
    private readonly ConcurrentDictionary<(string Workspace, string Customer), int> _snapshotFailures = [];

    public Task SaveSnapshotAsync(string workspaceId, string customerId, StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var key = (workspaceId, customerId);
        if (_snapshotFailures.TryGetValue(key, out var failures) && failures > 0 && _snapshotFailures.TryUpdate(key, failures - 1, failures))
        {
            return Task.FromException(new JournalCommitException("Injected snapshot failure."));
        }

        StoreSnapshot(key, snapshot);
        return Task.CompletedTask;
    }

    /// <summary>Makes the customer's next snapshot written on its own (not with a commit) fail.</summary>
    public void FailNextSnapshot(string workspaceId, string customerId) => _snapshotFailures[(workspaceId, customerId)] = 1;

    /// <summary>How many snapshots of the customer were stored (with commits or on their own).</summary>
    public int SnapshotWrites(string workspaceId, string customerId) => _snapshotWrites.GetValueOrDefault((workspaceId, customerId));

    /// <summary>Removes the customer's stored snapshot: a snapshot is a cache, and the journal alone must do.</summary>
    public void ForgetSnapshot(string workspaceId, string customerId) => _snapshots.TryRemove((workspaceId, customerId), out _);

    /// <summary>The customer's stored snapshot, or null.</summary>
    public StoredSnapshot? Snapshot(string workspaceId, string customerId) => _snapshots.GetValueOrDefault((workspaceId, customerId));

    private void StoreSnapshot((string Workspace, string Customer) key, StoredSnapshot snapshot)
    {
        _snapshots.AddOrUpdate(key, snapshot, (_, held) => held.Sequence <= snapshot.Sequence ? snapshot : held);
        _snapshotWrites.AddOrUpdate(key, 1, (_, n) => n + 1);
    }
}
