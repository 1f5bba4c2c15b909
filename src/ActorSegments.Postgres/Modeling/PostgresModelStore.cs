using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Postgres.Modeling;

/// <summary>Model versions in <c>ml_models</c>; the metrics as JSON (stored normalized, so key order and spacing may differ).</summary>
public sealed class PostgresModelStore(NpgsqlDataSource dataSource) : IModelStore
{
    // Adds of one model take turns (an advisory lock on the model, "Modl" as the lock's first key), so each one's
    // max(version) sees the previous one's row. The creation time is taken under the lock, so it orders like versions.
    private const string LockModel = "SELECT pg_advisory_xact_lock(1299145836, hashtext($1 || '/' || $2))";

    private const string AddSql = """
        INSERT INTO ml_models (workspace_id, name, version, kind, created_at, metrics, payload, score_distribution)
        SELECT $1, $2, coalesce(max(version), 0) + 1, $3, clock_timestamp(), $4, $5, $6 FROM ml_models WHERE workspace_id = $1 AND name = $2
        RETURNING version, created_at
        """;

    private const string LatestSql = """
        SELECT name, version, kind, created_at, metrics::text, payload, score_distribution FROM ml_models
        WHERE workspace_id = $1 AND name = $2
        ORDER BY version DESC LIMIT 1
        """;

    private const string ListSql = """
        SELECT name, version, kind, created_at, metrics::text FROM ml_models
        WHERE workspace_id = $1
        ORDER BY created_at DESC, name, version DESC
        """;

    public async Task<ModelVersion> AddAsync(string workspaceId, string name, string kind, string metricsJson, byte[] payload, ScoreDistribution? distribution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var insert = new NpgsqlBatchCommand(AddSql)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = workspaceId },
                new NpgsqlParameter<string> { TypedValue = name },
                new NpgsqlParameter<string> { TypedValue = kind },
                new NpgsqlParameter<string> { TypedValue = metricsJson, NpgsqlDbType = NpgsqlDbType.Jsonb },
                new NpgsqlParameter<byte[]> { TypedValue = payload },
                new NpgsqlParameter { Value = (object?)distribution?.ToBytes() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea },
            },
        };
        var lockModel = new NpgsqlBatchCommand(LockModel)
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = workspaceId }, new NpgsqlParameter<string> { TypedValue = name } },
        };
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { lockModel, insert } };
        ModelVersion added;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            added = new ModelVersion(workspaceId, name, reader.GetInt32(0), kind, reader.GetFieldValue<DateTimeOffset>(1), metricsJson, payload, distribution);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async Task<ModelVersion?> LatestAsync(string workspaceId, string name, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(LatestSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var distribution = reader.IsDBNull(6) ? null : ScoreDistribution.FromBytes(reader.GetFieldValue<byte[]>(6));
        return Read(reader, workspaceId, reader.GetFieldValue<byte[]>(5)) with { Distribution = distribution };
    }

    public async Task<IReadOnlyList<ModelVersion>> ListAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new List<ModelVersion>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(Read(reader, workspaceId, []));
        }

        return versions;
    }

    private static ModelVersion Read(NpgsqlDataReader reader, string workspaceId, byte[] payload) =>
        new(workspaceId, reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), payload);
}
