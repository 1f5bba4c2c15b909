using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>Workspaces kept in process memory (dev mode and tests), listed in ordinal order of id like PostgreSQL.</summary>
public sealed class InMemoryWorkspaceDirectory : IWorkspaceDirectory
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, WorkspaceInfo> _workspaces = new(StringComparer.Ordinal);

    public Task<bool> CreateAsync(string workspaceId, string displayName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_workspaces.TryAdd(workspaceId, new WorkspaceInfo(workspaceId, displayName, at)));
        }
    }

    public Task<WorkspaceInfo?> FindAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_workspaces.GetValueOrDefault(workspaceId));
        }
    }

    public Task<IReadOnlyList<WorkspaceInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<WorkspaceInfo>>([.. _workspaces.Values]);
        }
    }
}
