namespace ActorSegments.Domain.Storage;

/// <summary>The workspaces that exist: created explicitly by an administrator before keys are issued for them.</summary>
public interface IWorkspaceDirectory
{
    /// <summary>Creates a workspace; false when it exists already (nothing changes).</summary>
    Task<bool> CreateAsync(string workspaceId, string displayName, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<WorkspaceInfo?> FindAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Every workspace in ordinal order of id.</summary>
    Task<IReadOnlyList<WorkspaceInfo>> ListAsync(CancellationToken cancellationToken = default);
}

public sealed record WorkspaceInfo(string WorkspaceId, string DisplayName, DateTimeOffset CreatedAt);
