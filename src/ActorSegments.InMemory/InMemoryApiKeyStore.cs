using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>API keys kept in process memory (dev mode and tests), with the same contract as PostgreSQL.</summary>
public sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ApiKeyRecord> _keys = new(StringComparer.Ordinal);

    public Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            // A copy of the hash, so a caller reusing its array cannot change a stored key.
            return _keys.TryAdd(key.KeyId, key with { SecretHash = [.. key.SecretHash] })
                ? Task.CompletedTask
                : Task.FromException(new InvalidOperationException($"API key '{key.KeyId}' exists already."));
        }
    }

    public Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_keys.GetValueOrDefault(keyId));
        }
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. _keys.Values
                .Where(k => k.WorkspaceId == workspaceId)
                .OrderByDescending(k => k.CreatedAt)
                .ThenByDescending(k => k.KeyId, StringComparer.Ordinal)]);
        }
    }

    public Task<bool> RevokeAsync(string workspaceId, string keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_keys.TryGetValue(keyId, out var key) || key.WorkspaceId != workspaceId || key.RevokedAt is not null)
            {
                return Task.FromResult(false);
            }

            _keys[keyId] = key with { RevokedAt = at };
            return Task.FromResult(true);
        }
    }
}
