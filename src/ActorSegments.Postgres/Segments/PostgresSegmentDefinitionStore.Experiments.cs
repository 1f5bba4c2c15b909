using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Postgres.Segments;

/// <summary>
/// Experiment definitions in <c>experiment_definitions</c> (migration 0015), each change raising the workspace's
/// definitions version in the same transaction, as segment changes do.
/// </summary>
public sealed partial class PostgresSegmentDefinitionStore : IExperimentStore
{
    private const string ExperimentColumns = "definition::text, status, version, created_at, started_at, stopped_at";

    public async Task<StoredExperiment?> FindExperimentAsync(string workspaceId, string experimentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadExperimentsAsync(connection, null, workspaceId, experimentId, runningOnly: false, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<StoredExperiment>> ListExperimentsAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadExperimentsAsync(connection, null, workspaceId, null, runningOnly: false, cancellationToken).ConfigureAwait(false);
    }

    public Task<StoredExperiment> SaveExperimentAsync(string workspaceId, ExperimentDefinition definition, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = ExperimentDefinitionJson.Serialize(definition);
        return expectedVersion == 0
            ? ChangeExperimentAsync(workspaceId, definition.Id, expectedVersion, $"""
                INSERT INTO experiment_definitions (workspace_id, experiment_id, definition, status, version)
                VALUES ($1, $2, $4::jsonb, {(int)ExperimentStatus.Draft}, 1)
                ON CONFLICT DO NOTHING
                RETURNING {ExperimentColumns}
                """, json, null, cancellationToken)
            : ChangeExperimentAsync(workspaceId, definition.Id, expectedVersion, $"""
                UPDATE experiment_definitions SET definition = $4::jsonb, version = version + 1
                WHERE workspace_id = $1 AND experiment_id = $2 AND version = $3
                RETURNING {ExperimentColumns}
                """, json, null, cancellationToken);
    }

    public Task<StoredExperiment> SetExperimentStatusAsync(string workspaceId, string experimentId, ExperimentStatus status, DateTimeOffset at, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeExperimentAsync(workspaceId, experimentId, expectedVersion, $"""
            UPDATE experiment_definitions SET status = {(int)status}, version = version + 1,
                started_at = CASE WHEN {(int)status} = {(int)ExperimentStatus.Running} THEN $5 ELSE started_at END,
                stopped_at = CASE WHEN {(int)status} = {(int)ExperimentStatus.Stopped} THEN $5 ELSE stopped_at END
            WHERE workspace_id = $1 AND experiment_id = $2 AND version = $3
            RETURNING {ExperimentColumns}
            """, null, at, cancellationToken);

    /// <summary>
    /// Runs one conditional change and the version bump in a transaction; no row back means a version conflict.
    /// Parameters: $1 workspace, $2 experiment, $3 expected version, $4 definition JSON, $5 the status time.
    /// </summary>
    private async Task<StoredExperiment> ChangeExperimentAsync(string workspaceId, string experimentId, int expectedVersion, string sql, string? json, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        StoredExperiment? saved = null;
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = experimentId });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = expectedVersion });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)json ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            if (at is { } time)
            {
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                saved = ReadExperiment(reader);
            }
        }

        if (saved is null)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            var held = await FindExperimentAsync(workspaceId, experimentId, cancellationToken).ConfigureAwait(false);
            throw new ExperimentVersionConflictException(experimentId, held?.Version ?? 0);
        }

        await ExecuteAsync(connection, transaction, BumpVersion, cancellationToken, workspaceId).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    private static async Task<IReadOnlyList<StoredExperiment>> ReadExperimentsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string workspaceId, string? experimentId, bool runningOnly, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {ExperimentColumns} FROM experiment_definitions
            WHERE workspace_id = $1 AND ($2::text IS NULL OR experiment_id = $2) AND (NOT $3 OR status = {(int)ExperimentStatus.Running})
            ORDER BY experiment_id COLLATE "C"
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)experimentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = runningOnly });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var experiments = new List<StoredExperiment>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            experiments.Add(ReadExperiment(reader));
        }

        return experiments;
    }

    private static StoredExperiment ReadExperiment(NpgsqlDataReader reader) => new(
        ExperimentDefinitionJson.Deserialize(reader.GetString(0)),
        (ExperimentStatus)reader.GetInt16(1),
        reader.GetInt32(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
}
