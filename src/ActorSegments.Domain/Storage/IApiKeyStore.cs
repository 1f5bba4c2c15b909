namespace ActorSegments.Domain.Storage;

/// <summary>
/// API keys. Only a hash of each key's secret is stored; a key is found by its public id (the part of the key before
/// the secret) and accepted when the hash of the presented secret matches.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key; its id must be new.</summary>
    Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>The key with this id, revoked or not; null when there is none.</summary>
    Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>The workspace's keys, newest first, revoked ones included.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key of the workspace; false when it has no such key (or it was revoked already).</summary>
    Task<bool> RevokeAsync(string workspaceId, string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>What a key may do.</summary>
[Flags]
public enum ApiKeyScopes
{
    None = 0,
    Ingest = 1,
    Read = 2,
    Admin = 4,
}

/// <summary>One API key as stored: <see cref="SecretHash"/> is the SHA-256 of its secret, never the secret itself.</summary>
public sealed record ApiKeyRecord(string KeyId, string WorkspaceId, string Name, ApiKeyScopes Scopes, byte[] SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
