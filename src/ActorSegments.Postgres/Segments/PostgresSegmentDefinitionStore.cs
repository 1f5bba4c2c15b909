using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Segments;

/// <summary>Segment definitions in <c>segment_definitions</c>, with the workspace version in <c>workspace_definitions</c>.</summary>
public sealed partial class PostgresSegmentDefinitionStore(NpgsqlDataSource dataSource) : ISegmentDefinitionStore
{
    private const string Columns = "segment_id, rule, version, status, backfill_done, backfill_total, updated_at, backfill_after";

    private const string BumpVersion = """
        INSERT INTO workspace_definitions (workspace_id, version) VALUES ($1, 1)
        ON CONFLICT (workspace_id) DO UPDATE SET version = workspace_definitions.version + 1
        """;

    public async Task<WorkspaceSegments> LoadAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        // One snapshot for both reads, so the version always matches the definitions returned.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        long version = 0;
        string? schema = null;
        await using (var head = new NpgsqlCommand("SELECT version, schema FROM workspace_definitions WHERE workspace_id = $1", connection, transaction))
        {
            head.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            await using var row = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (version, schema) = (row.GetInt64(0), row.IsDBNull(1) ? null : row.GetString(1));
            }
        }

        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM segment_definitions WHERE workspace_id = $1 ORDER BY segment_id", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        var segments = new List<StoredSegment>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                segments.Add(Read(reader));
            }
        }

        var running = await ReadExperimentsAsync(connection, transaction, workspaceId, null, runningOnly: true, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new WorkspaceSegments(version, segments) { SchemaJson = schema, RunningExperiments = running };
    }

    public async Task<StoredSegment?> FindAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM segment_definitions WHERE workspace_id = $1 AND segment_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<long> VersionAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await VersionAsync(connection, workspaceId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredSegment> SaveAsync(string workspaceId, string segmentId, string rule, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int? current = null;
        await using (var select = new NpgsqlCommand("SELECT version FROM segment_definitions WHERE workspace_id = $1 AND segment_id = $2 FOR UPDATE", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
            if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int found)
            {
                current = found;
            }
        }

        if (expectedVersion is { } expected && expected != (current ?? 0))
        {
            throw new SegmentVersionConflictException($"Segment '{segmentId}' is at version {current ?? 0}, not {expected}.") { ActualVersion = current ?? 0 };
        }

        StoredSegment saved;
        await using (var upsert = new NpgsqlCommand($"""
            INSERT INTO segment_definitions (workspace_id, segment_id, rule, version, status)
            VALUES ($1, $2, $3, 1, {(int)SegmentStatus.Pending})
            ON CONFLICT (workspace_id, segment_id) DO UPDATE
                SET rule = excluded.rule, version = segment_definitions.version + 1, status = excluded.status,
                    backfill_done = 0, backfill_total = 0, backfill_after = NULL, updated_at = now()
            RETURNING {Columns}
            """, connection, transaction))
        {
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = rule });
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            saved = Read(reader);
        }

        await ExecuteAsync(connection, transaction, BumpVersion, cancellationToken, workspaceId).ConfigureAwait(false);
        await using (var history = new NpgsqlCommand("INSERT INTO segment_versions (workspace_id, segment_id, version, rule, saved_at) VALUES ($1, $2, $3, $4, $5)", connection, transaction))
        {
            history.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            history.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
            history.Parameters.Add(new NpgsqlParameter<int> { TypedValue = saved.Version });
            history.Parameters.Add(new NpgsqlParameter<string> { TypedValue = rule });
            history.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = saved.UpdatedAt });
            await history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public async Task<long> SaveSchemaAsync(string workspaceId, string schemaJson, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO workspace_definitions (workspace_id, version, schema) VALUES ($1, 1, $2)
            ON CONFLICT (workspace_id) DO UPDATE SET version = workspace_definitions.version + 1, schema = excluded.schema
            RETURNING version
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schemaJson });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<IReadOnlyList<SegmentVersion>> ListVersionsAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT version, rule, saved_at FROM segment_versions WHERE workspace_id = $1 AND segment_id = $2 ORDER BY version DESC");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new List<SegmentVersion>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(new SegmentVersion(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return versions;
    }

    public async Task<bool> DeleteAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await ExecuteAsync(connection, transaction, "DELETE FROM segment_definitions WHERE workspace_id = $1 AND segment_id = $2", cancellationToken, workspaceId, segmentId).ConfigureAwait(false) > 0;
        if (deleted)
        {
            // Members go with the definition; customers record their exits when they next see the new definitions.
            await ExecuteAsync(connection, transaction, "DELETE FROM segment_members WHERE workspace_id = $1 AND segment_id = $2", cancellationToken, workspaceId, segmentId).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM segment_versions WHERE workspace_id = $1 AND segment_id = $2", cancellationToken, workspaceId, segmentId).ConfigureAwait(false);
            // The count lock waits for journal transactions counting the segment; those that come later find the
            // definition gone and count nothing, so no count row outlives the segment. Slots go before the base row,
            // in the order the fold takes them.
            await ExecuteAsync(connection, transaction, SegmentCountLocks.Exclusive, cancellationToken, workspaceId, segmentId).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM segment_count_slots WHERE workspace_id = $1 AND segment_id = $2", cancellationToken, workspaceId, segmentId).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM segment_counts WHERE workspace_id = $1 AND segment_id = $2", cancellationToken, workspaceId, segmentId).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, BumpVersion, cancellationToken, workspaceId).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public async Task SetProgressAsync(string workspaceId, string segmentId, int version, SegmentStatus status, long done, long total, string? after, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE segment_definitions SET status = $4, backfill_done = $5, backfill_total = $6, backfill_after = $7
            WHERE workspace_id = $1 AND segment_id = $2 AND version = $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)status });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = done });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = total });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> VersionAsync(NpgsqlConnection connection, string workspaceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM workspace_definitions WHERE workspace_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params string[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static StoredSegment Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt32(2),
        (SegmentStatus)reader.GetInt16(3),
        reader.GetInt64(4),
        reader.GetInt64(5),
        reader.GetFieldValue<DateTimeOffset>(6))
    {
        BackfillAfter = reader.IsDBNull(7) ? null : reader.GetString(7),
    };
}
