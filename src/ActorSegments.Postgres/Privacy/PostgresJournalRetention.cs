using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Privacy;

/// <summary>
/// Journal retention on PostgreSQL (<c>journal_retention</c>, migration 0021). A batch is one short transaction: it
/// locks the workspace's row, reads the next entries of the pass by primary key, deletes the old ones the customer's
/// snapshot includes and moves the pass on; ingest is never blocked on it (it touches only rows no one writes).
/// </summary>
public sealed class PostgresJournalRetention(NpgsqlDataSource dataSource) : IJournalRetention
{
    private const string Columns = "retention_days, pass_started_at, pass_finished_at, after_customer IS NOT NULL, examined, deleted, waiting";

    private const string Claim = $"""
        SELECT {Columns}, after_customer, after_sequence FROM journal_retention
        WHERE workspace_id = $1 AND retention_days > 0 FOR UPDATE SKIP LOCKED
        """;

    private const string Batch = """
        WITH examined AS (
            SELECT customer_id, sequence, occurred_at FROM customer_journal
            WHERE workspace_id = $1 AND (customer_id, sequence) > ($2, $3)
            ORDER BY customer_id, sequence LIMIT $4),
        old AS (
            SELECT e.customer_id, e.sequence, coalesce(e.sequence <= s.sequence, false) AS covered
            FROM examined e LEFT JOIN customer_snapshots s ON s.workspace_id = $1 AND s.customer_id = e.customer_id
            WHERE e.occurred_at < $5),
        gone AS (
            DELETE FROM customer_journal j USING old o
            WHERE o.covered AND j.workspace_id = $1 AND j.customer_id = o.customer_id AND j.sequence = o.sequence
            RETURNING 1),
        last AS (SELECT customer_id, sequence FROM examined ORDER BY customer_id DESC, sequence DESC LIMIT 1)
        SELECT (SELECT count(*) FROM examined), (SELECT count(*) FROM gone), (SELECT customer_id FROM last), (SELECT sequence FROM last),
               coalesce((SELECT array_agg(DISTINCT customer_id) FROM old WHERE NOT covered), '{}')
        """;

    private const string Save = """
        UPDATE journal_retention SET pass_started_at = $2, pass_finished_at = $3, after_customer = $4, after_sequence = $5,
            examined = $6, deleted = $7, waiting = $8
        WHERE workspace_id = $1
        """;

    public async Task SetDaysAsync(string workspaceId, int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO journal_retention (workspace_id, retention_days) VALUES ($1, $2)
            ON CONFLICT (workspace_id) DO UPDATE SET retention_days = excluded.retention_days
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = days });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<RetentionStatus> GetAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM journal_retention WHERE workspace_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Status(workspaceId, reader) : new RetentionStatus(workspaceId, 0, null, null, false, 0, 0, 0);
    }

    public async Task<IReadOnlyList<string>> WorkspacesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT workspace_id FROM journal_retention WHERE retention_days > 0 ORDER BY workspace_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var workspaces = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            workspaces.Add(reader.GetString(0));
        }

        return workspaces;
    }

    public async Task<RetentionBatch?> RunBatchAsync(string workspaceId, DateTimeOffset now, TimeSpan passEvery, int examine, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(examine);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        RetentionStatus status;
        (string Customer, long Sequence)? after;
        await using (var claim = new NpgsqlCommand(Claim, connection, transaction))
        {
            claim.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null; // no retention, or another silo holds the row
            }

            status = Status(workspaceId, reader);
            after = reader.IsDBNull(7) ? null : (reader.GetString(7), reader.GetInt64(8));
        }

        if (after is null)
        {
            if (status.PassFinishedAt is { } finished && now - finished < passEvery)
            {
                return null;
            }

            status = status with { PassStartedAt = now, PassFinishedAt = null, Examined = 0, Deleted = 0, WaitingForSnapshot = 0 };
            after = (string.Empty, 0);
        }

        var cutoff = now - TimeSpan.FromDays(status.RetentionDays);
        long examined, deleted;
        string[] uncovered;
        (string, long)? last;
        await using (var batch = new NpgsqlCommand(Batch, connection, transaction))
        {
            batch.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            batch.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after.Value.Customer });
            batch.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Value.Sequence });
            batch.Parameters.Add(new NpgsqlParameter<int> { TypedValue = examine });
            batch.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = cutoff.ToUniversalTime() });
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (examined, deleted) = (reader.GetInt64(0), reader.GetInt64(1));
            last = reader.IsDBNull(2) ? null : (reader.GetString(2), reader.GetInt64(3));
            uncovered = reader.GetFieldValue<string[]>(4);
        }

        var finishedNow = examined < examine;
        status = status with
        {
            PassFinishedAt = finishedNow ? now : null,
            Examined = status.Examined + examined,
            Deleted = status.Deleted + deleted,
            WaitingForSnapshot = status.WaitingForSnapshot + uncovered.Length,
        };
        var resume = finishedNow ? null : last;
        await using (var save = new NpgsqlCommand(Save, connection, transaction))
        {
            save.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            save.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, Value = status.PassStartedAt?.ToUniversalTime() is { } started ? started : DBNull.Value });
            save.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, Value = status.PassFinishedAt?.ToUniversalTime() is { } done ? done : DBNull.Value });
            save.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = resume is { } r ? r.Item1 : DBNull.Value });
            save.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = resume is { } s ? s.Item2 : DBNull.Value });
            save.Parameters.Add(new NpgsqlParameter<long> { TypedValue = status.Examined });
            save.Parameters.Add(new NpgsqlParameter<long> { TypedValue = status.Deleted });
            save.Parameters.Add(new NpgsqlParameter<long> { TypedValue = status.WaitingForSnapshot });
            await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RetentionBatch(examined, deleted, uncovered, finishedNow);
    }

    private static RetentionStatus Status(string workspaceId, NpgsqlDataReader reader) => new(
        workspaceId,
        reader.GetInt32(0),
        reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
        reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
        reader.GetBoolean(3),
        reader.GetInt64(4),
        reader.GetInt64(5),
        reader.GetInt64(6));
}
