using ActorSegments.Domain.Events;
using ActorSegments.Domain.Privacy;
using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Journal;

/// <summary>
/// Reads the records of many customers in one statement: each one's snapshot, the journal entries after it, its
/// memberships, its wake-up and whether its id is on the erasure suppression list.
/// </summary>
/// <remarks>
/// One statement, not one per kind: every part is then read from the same database snapshot, so the entries always
/// start right after the snapshot that is returned, even while a newer snapshot is being written.
/// </remarks>
internal static class CustomerRecordQuery
{
    private const short SnapshotRow = 0, EntryRow = 1, MemberRow = 2, WakeUpRow = 3, SuppressedRow = 4;

    private const string Sql = """
        WITH k AS (SELECT w, c, h, i FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(w, c, h, i)),
        s AS (SELECT k.i, s.sequence, s.body FROM k JOIN customer_snapshots s ON s.workspace_id = k.w AND s.customer_id = k.c)
        SELECT 0::smallint, s.i, s.sequence, NULL::bigint, s.body, NULL::text, NULL::timestamptz FROM s
        UNION ALL
        SELECT 1::smallint, k.i, j.sequence, j.applied_at, j.body, NULL, NULL
        FROM k LEFT JOIN s ON s.i = k.i
        JOIN customer_journal j ON j.workspace_id = k.w AND j.customer_id = k.c AND j.sequence > coalesce(s.sequence, 0)
        UNION ALL
        SELECT 2::smallint, k.i, NULL, NULL, NULL, m.segment_id, m.since
        FROM k JOIN segment_members m ON m.workspace_id = k.w AND m.customer_id = k.c
        UNION ALL
        SELECT 3::smallint, k.i, NULL, NULL, NULL, NULL, u.due_at
        FROM k JOIN customer_wakeups u ON u.workspace_id = k.w AND u.customer_id = k.c
        UNION ALL
        SELECT 4::smallint, k.i, NULL, NULL, NULL, NULL, NULL
        FROM k JOIN erased_customers e ON e.workspace_id = k.w AND e.id_hash = k.h
        """;

    /// <summary>The records of <paramref name="keys"/>, in the same order (<see cref="CustomerRecord.None"/> for unknown customers).</summary>
    public static async Task<CustomerRecord[]> ReadAsync(NpgsqlDataSource dataSource, IReadOnlyList<(string Workspace, string Customer)> keys, CancellationToken cancellationToken)
    {
        var parts = new Parts[keys.Count];
        await using (var command = dataSource.CreateCommand(Sql))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.Workspace)] });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.Customer)] });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => ErasedIds.Hash(k.Workspace, k.Customer))] });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var part = parts[reader.GetInt64(1) - 1] ??= new Parts();
                switch (reader.GetInt16(0))
                {
                    case SnapshotRow:
                        part.Snapshot = new StoredSnapshot(reader.GetInt64(2), reader.GetFieldValue<byte[]>(4));
                        break;
                    case EntryRow:
                        part.Entries.Add(new JournalEntry(reader.GetInt64(2), reader.GetInt64(3), JournalRecordCodec.Deserialize(reader.GetFieldValue<byte[]>(4))));
                        break;
                    case MemberRow:
                        part.Members[reader.GetString(5)] = reader.GetFieldValue<DateTimeOffset>(6).ToUnixTimeSeconds();
                        break;
                    case WakeUpRow:
                        part.WakeUpAt = reader.GetFieldValue<DateTimeOffset>(6).ToUnixTimeSeconds();
                        break;
                    case SuppressedRow:
                        part.Suppressed = true;
                        break;
                }
            }
        }

        return [.. parts.Select(p => p?.ToRecord() ?? CustomerRecord.None)];
    }

    private sealed class Parts
    {
        public StoredSnapshot? Snapshot { get; set; }

        public List<JournalEntry> Entries { get; } = [];

        public Dictionary<string, long> Members { get; } = new(StringComparer.Ordinal);

        public long? WakeUpAt { get; set; }

        public bool Suppressed { get; set; }

        public CustomerRecord ToRecord()
        {
            // A union has no order of its own; entries come out of the key in order nearly always, so sorting is rare.
            for (var i = 1; i < Entries.Count; i++)
            {
                if (Entries[i].Sequence < Entries[i - 1].Sequence)
                {
                    Entries.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                    break;
                }
            }

            return new CustomerRecord(Entries, Members, WakeUpAt, Snapshot, Suppressed);
        }
    }
}
