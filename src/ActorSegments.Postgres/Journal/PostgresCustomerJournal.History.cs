using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Journal;

/// <summary>A customer's whole journal, snapshot or not: what linking two ids reads (docs/identity.md).</summary>
public sealed partial class PostgresCustomerJournal
{
    public async Task<IReadOnlyList<JournalEntry>> HistoryAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default)
    {
        // One range scan of the journal's primary key; only links read it, never ingest.
        await using var command = _dataSource.CreateCommand(
            "SELECT sequence, applied_at, body FROM customer_journal WHERE workspace_id = $1 AND customer_id = $2 ORDER BY sequence");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new JournalEntry(reader.GetInt64(0), reader.GetInt64(1), JournalRecordCodec.Deserialize(reader.GetFieldValue<byte[]>(2))));
        }

        return entries;
    }
}
