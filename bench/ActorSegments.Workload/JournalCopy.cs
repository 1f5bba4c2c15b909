using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Workload;

/// <summary>
/// Plain binary COPY of journal rows, <see cref="RowsPerTransaction"/> per transaction on one connection: the ceiling
/// the database sets for the server's journal, which every durable ingest figure is read against.
/// </summary>
public static class JournalCopy
{
    public const int RowsPerTransaction = 10_000;

    /// <summary>The journal table's columns that the server writes (<c>committed_at</c> takes its default).</summary>
    public const string Columns = "workspace_id, customer_id, sequence, applied_at, event_id, event_type, occurred_at, body";

    /// <summary>
    /// Copies <paramref name="rows"/> into <paramref name="table"/> (which must have the journal's columns) and returns
    /// rows per second over the whole copy, opening the connection included.
    /// </summary>
    public static async Task<double> RowsPerSecondAsync(NpgsqlDataSource dataSource, string table, IReadOnlyList<JournalRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(rows);
        var watch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in rows.Chunk(RowsPerTransaction))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var row in chunk)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(row.WorkspaceId, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(row.CustomerId, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(row.Sequence, NpgsqlDbType.Bigint, cancellationToken);
                    await importer.WriteAsync(row.AppliedAt, NpgsqlDbType.Bigint, cancellationToken);
                    await importer.WriteAsync(row.EventId, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(row.EventType, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(row.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                    await importer.WriteAsync(row.Body, NpgsqlDbType.Bytea, cancellationToken);
                }

                await importer.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return rows.Count / watch.Elapsed.TotalSeconds;
    }
}
