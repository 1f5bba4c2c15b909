using System.Text.Json;
using ActorSegments.Domain.Privacy;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Postgres.Privacy;

/// <summary>
/// Erasure on PostgreSQL: one transaction suppresses the id, deletes or redacts every row keyed by it and appends the
/// audit record (<c>erased_customers</c>, <c>customer_erasures</c>, <c>erasure_pending_exits</c>: migration 0020).
/// </summary>
public sealed class PostgresCustomerErasure(NpgsqlDataSource dataSource) : ICustomerErasure
{
    private static readonly short ErasedCause = (short)MembershipCause.Erased;

    private const string Suppress = """
        INSERT INTO erased_customers (workspace_id, id_hash, erased_at) VALUES ($1, $4, $5)
        ON CONFLICT (workspace_id, id_hash) DO NOTHING
        """;

    // Per table: the statement removing (or redacting) the customer's rows. $1 workspace, $2 customer id, $3 token,
    // $6 when the erasure exits are redacted (null: now, with the rest).
    private static readonly (string Table, string Sql)[] Removals =
    [
        ("customer_journal", "DELETE FROM customer_journal WHERE workspace_id = $1 AND customer_id = $2"),
        ("customer_snapshots", "DELETE FROM customer_snapshots WHERE workspace_id = $1 AND customer_id = $2"),
        ("segment_members", "DELETE FROM segment_members WHERE workspace_id = $1 AND customer_id = $2"),
        ("customer_wakeups", "DELETE FROM customer_wakeups WHERE workspace_id = $1 AND customer_id = $2"),
        ("customers", "DELETE FROM customers WHERE workspace_id = $1 AND customer_id = $2"),
        ("customer_features", "DELETE FROM customer_features WHERE workspace_id = $1 AND customer_id = $2"),
        ("cohort_assignments", "DELETE FROM cohort_assignments WHERE workspace_id = $1 AND customer_id = $2"),
        // Registered before the feed is redacted: the exits it waits for still carry the id. A repeated erasure keeps
        // the first one's token and time, so the exits are redacted with the token their enters got.
        ("erasure_pending_exits", $"""
            INSERT INTO erasure_pending_exits (workspace_id, customer_id, token, redact_after)
            SELECT $1, $2, $3, $6 WHERE $6 IS NOT NULL
                AND EXISTS (SELECT 1 FROM membership_log WHERE workspace_id = $1 AND customer_id = $2 AND cause = {ErasedCause})
            ON CONFLICT (workspace_id, customer_id) DO NOTHING
            """),
        ("membership_log", $"UPDATE membership_log SET customer_id = $3 WHERE workspace_id = $1 AND customer_id = $2 AND ($6 IS NULL OR cause <> {ErasedCause})"),
        // A delivery error is a short excerpt of what a receiver answered, which may quote the id: it goes whole.
        ("webhook_deliveries", "UPDATE webhook_deliveries SET error = $7 WHERE workspace_id = $1 AND strpos(error, $2) > 0"),
        ("webhook_destinations", "UPDATE webhook_destinations SET last_error = $7 WHERE workspace_id = $1 AND strpos(last_error, $2) > 0"),
    ];

    /// <summary>What replaces a webhook error that quoted an erased id.</summary>
    public const string RedactedError = "[redacted: named an erased customer]";

    private const string Audit = """
        INSERT INTO customer_erasures (workspace_id, id_hash, erased_by, erased_at, rows) VALUES ($1, $2, $3, $4, $5::jsonb)
        """;

    private static readonly string RedactDue = $"""
        WITH due AS (
            DELETE FROM erasure_pending_exits p
            WHERE (p.workspace_id, p.customer_id) IN (
                SELECT workspace_id, customer_id FROM erasure_pending_exits WHERE redact_after <= $1
                ORDER BY redact_after LIMIT $2 FOR UPDATE SKIP LOCKED)
            RETURNING p.workspace_id, p.customer_id, p.token),
        feed AS (
            UPDATE membership_log m SET customer_id = due.token FROM due
            WHERE m.workspace_id = due.workspace_id AND m.customer_id = due.customer_id AND m.cause = {ErasedCause}
            RETURNING 1),
        errors AS (
            UPDATE webhook_deliveries d SET error = $3 FROM due
            WHERE d.workspace_id = due.workspace_id AND strpos(d.error, due.customer_id) > 0
            RETURNING 1)
        SELECT (SELECT count(*) FROM due), (SELECT count(*) FROM feed), (SELECT count(*) FROM errors)
        """;

    public async Task<ErasureReport> EraseAsync(ErasureOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var hash = ErasedIds.Hash(order.WorkspaceId, order.CustomerId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(Suppress, order, hash));
        foreach (var (_, sql) in Removals)
        {
            batch.BatchCommands.Add(Command(sql, order, hash));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var wasSuppressed = batch.BatchCommands[0].RecordsAffected == 0;
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < Removals.Length; i++)
        {
            if (batch.BatchCommands[i + 1].RecordsAffected is > 0 and var affected)
            {
                rows[Removals[i].Table] = affected;
            }
        }

        await using (var audit = new NpgsqlCommand(Audit, connection, transaction))
        {
            audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.WorkspaceId });
            audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hash });
            audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.ErasedBy });
            audit.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = order.ErasedAt.ToUniversalTime() });
            audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(rows) });
            await audit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ErasureReport(rows, wasSuppressed);
    }

    public async Task<bool> IsSuppressedAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM erased_customers WHERE workspace_id = $1 AND id_hash = $2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ErasedIds.Hash(workspaceId, customerId) });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<bool> LiftSuppressionAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM erased_customers WHERE workspace_id = $1 AND id_hash = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ErasedIds.Hash(workspaceId, customerId) });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<int> RedactDueExitsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand(RedactDue);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RedactedError });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (int)reader.GetInt64(0);
    }

    public async Task<IReadOnlyList<ErasureAuditRecord>> AuditAsync(string workspaceId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id_hash, erased_by, erased_at, rows::text FROM customer_erasures WHERE workspace_id = $1 ORDER BY erasure_id DESC LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<ErasureAuditRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rows = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(3)) ?? [];
            records.Add(new ErasureAuditRecord(workspaceId, reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), rows));
        }

        return records;
    }

    private static NpgsqlBatchCommand Command(string sql, ErasureOrder order, string hash)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.WorkspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.CustomerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.Token });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hash });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = order.ErasedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = order.RedactExitsAfter?.ToUniversalTime() is { } after ? after : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RedactedError });
        return command;
    }
}
