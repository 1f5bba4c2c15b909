using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Access;

/// <summary>Who is calling: a key of one workspace with some scopes, or a key for every workspace (bootstrap, or no auth).</summary>
public sealed record Caller(string KeyId, string? WorkspaceId, ApiKeyScopes Scopes)
{
    public static Caller Unrestricted(string keyId) => new(keyId, null, ApiKeyScopes.Ingest | ApiKeyScopes.Read | ApiKeyScopes.Admin);

    /// <summary>Admin includes read and ingest: whoever manages a workspace may also look at it and feed it.</summary>
    public bool Allows(string workspaceId, ApiKeyScopes scope) =>
        Sees(workspaceId) && (Scopes.HasFlag(scope) || Scopes.HasFlag(ApiKeyScopes.Admin));

    /// <summary>Whether the workspace is one this caller's key belongs to (any workspace for a key of every workspace).</summary>
    public bool Sees(string workspaceId) => WorkspaceId is null || string.Equals(WorkspaceId, workspaceId, StringComparison.Ordinal);

    /// <summary>Every workspace, including ones that do not exist yet (creating workspaces needs this).</summary>
    public bool IsUnrestricted => WorkspaceId is null && Scopes.HasFlag(ApiKeyScopes.Admin);
}
