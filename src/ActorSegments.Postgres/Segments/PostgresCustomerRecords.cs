using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Segments;

/// <summary>Bulk reads of committed customer records: one statement per kind for a whole page of customers.</summary>
public sealed class PostgresCustomerRecords(NpgsqlDataSource dataSource) : ICustomerRecords
{
    public async Task<IReadOnlyDictionary<string, byte[]>> SnapshotsAsync(string serviceId, string stateName, IReadOnlyList<string> grainKeys, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT grain_id_string, payload FROM orleans_grain_state WHERE service_id = $1 AND grain_type = $2 AND grain_id_string = ANY($3) AND payload IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. grainKeys] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var payloads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            payloads[reader.GetString(0)] = reader.GetFieldValue<byte[]>(1);
        }

        return payloads;
    }

    public async Task<IReadOnlyDictionary<string, List<JournalEntry>>> EntriesAfterAsync(string workspaceId, IReadOnlyList<(string CustomerId, long AfterSequence)> customers, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT j.customer_id, j.sequence, j.applied_at, j.body
            FROM unnest($2::text[], $3::bigint[]) AS c(customer_id, after_sequence)
            JOIN customer_journal j ON j.workspace_id = $1 AND j.customer_id = c.customer_id AND j.sequence > c.after_sequence
            ORDER BY j.customer_id, j.sequence
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. customers.Select(c => c.CustomerId)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. customers.Select(c => c.AfterSequence)] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new Dictionary<string, List<JournalEntry>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var customer = reader.GetString(0);
            if (!entries.TryGetValue(customer, out var list))
            {
                entries[customer] = list = [];
            }

            list.Add(new JournalEntry(reader.GetInt64(1), reader.GetInt64(2), CustomerEventCodec.Deserialize(reader.GetFieldValue<byte[]>(3))));
        }

        return entries;
    }

    public async Task<IReadOnlySet<string>> MembersAsync(string workspaceId, string segmentId, IReadOnlyList<string> customerIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id FROM segment_members WHERE workspace_id = $1 AND segment_id = $2 AND customer_id = ANY($3)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. customerIds] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(reader.GetString(0));
        }

        return members;
    }
}
