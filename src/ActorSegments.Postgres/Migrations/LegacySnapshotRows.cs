using Npgsql;

namespace ActorSegments.Postgres.Migrations;

/// <summary>
/// The snapshots customers kept in Orleans' grain storage before the journal owned them: read a page at a time and
/// moved into <c>customer_snapshots</c>. What a row's payload means is the caller's business (it is in Orleans'
/// serialization); this only moves bytes, in transactions that insert the converted page and delete its source rows.
/// </summary>
public sealed class LegacySnapshotRows(NpgsqlDataSource dataSource)
{
    /// <summary>One stored grain state row: its grain key and payload.</summary>
    public sealed record Row(string GrainKey, byte[] Payload);

    /// <summary>A converted snapshot, or null <see cref="Body"/> when the row is dropped without one.</summary>
    public sealed record Converted(string WorkspaceId, string CustomerId, long Sequence, byte[]? Body);

    /// <summary>
    /// Moves every row of <paramref name="stateName"/> under <paramref name="serviceId"/>, a page at a time; returns
    /// (moved, dropped). Several silos may run it at once: a page is locked while it moves, others skip it.
    /// </summary>
    public async Task<(long Moved, long Dropped)> MoveAsync(string serviceId, string stateName, Func<Row, Converted> convert, int pageSize = 1_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(convert);
        long moved = 0, dropped = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var rows = await ReadPageAsync(connection, transaction, serviceId, stateName, pageSize, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return (moved, dropped);
            }

            var converted = rows.Select(convert).ToList();
            var kept = converted.Where(c => c.Body is not null).ToList();
            await using (var insert = new NpgsqlCommand("""
                INSERT INTO customer_snapshots (workspace_id, customer_id, sequence, body)
                SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bytea[])
                ON CONFLICT (workspace_id, customer_id) DO NOTHING
                """, connection, transaction))
            {
                insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. kept.Select(c => c.WorkspaceId)] });
                insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. kept.Select(c => c.CustomerId)] });
                insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. kept.Select(c => c.Sequence)] });
                insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. kept.Select(c => c.Body!)] });
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var delete = new NpgsqlCommand(
                "DELETE FROM orleans_grain_state WHERE service_id = $1 AND grain_type = $2 AND grain_id_string = ANY($3)", connection, transaction))
            {
                delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
                delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
                delete.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.GrainKey)] });
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            moved += kept.Count;
            dropped += converted.Count - kept.Count;
        }
    }

    private static async Task<List<Row>> ReadPageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string serviceId, string stateName, int pageSize, CancellationToken cancellationToken)
    {
        // Rows without a payload (cleared state) are deleted with the page and never converted.
        await using var select = new NpgsqlCommand("""
            SELECT grain_id_string, payload FROM orleans_grain_state
            WHERE service_id = $1 AND grain_type = $2
            ORDER BY grain_id_string LIMIT $3 FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<Row>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new Row(reader.GetString(0), reader.IsDBNull(1) ? [] : reader.GetFieldValue<byte[]>(1)));
        }

        return rows;
    }
}
