using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Access;

/// <summary>API keys in <c>api_keys</c>; the secret itself is never stored, only its hash.</summary>
public sealed class PostgresApiKeyStore(NpgsqlDataSource dataSource) : IApiKeyStore
{
    private const string Columns = "key_id, workspace_id, name, scopes, secret_hash, created_at, revoked_at";

    public async Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = dataSource.CreateCommand($"INSERT INTO api_keys ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.KeyId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.WorkspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Name });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)key.Scopes });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = key.SecretHash });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = key.CreatedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, Value = key.RevokedAt?.ToUniversalTime() is { } revoked ? revoked : DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM api_keys WHERE key_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = keyId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        // Key ids break ties between keys created at the same instant, so the order is stable.
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM api_keys WHERE workspace_id = $1 ORDER BY created_at DESC, key_id DESC");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(Read(reader));
        }

        return keys;
    }

    public async Task<bool> RevokeAsync(string workspaceId, string keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE api_keys SET revoked_at = $3 WHERE workspace_id = $1 AND key_id = $2 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = keyId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static ApiKeyRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        (ApiKeyScopes)reader.GetInt32(3),
        reader.GetFieldValue<byte[]>(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
}
