using System.Runtime.CompilerServices;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Journal;

/// <summary>
/// Reads a workspace's journal a page of customers at a time. Customers are paged through the <c>customers</c>
/// registry (every customer is registered with its first entry, in the same transaction), whose key is in byte order:
/// the journal's own key is in the server's collation, so ordering it by ordinal customer id would sort the whole
/// workspace first. Each page is a short query, so a slow consumer holds no connection or snapshot between pages.
/// </summary>
public sealed class PostgresJournalScan(NpgsqlDataSource dataSource) : IJournalScan
{
    /// <summary>Customers per query: enough to amortize the round trip, few enough that a page's entries stay small.</summary>
    internal const int PageCustomers = 500;

    // The explicit collation on the join lets the journal's primary key (in the column's collation) serve the lookup.
    // A registered customer without entries still returns a row (nulls), so the page says how far the registry got.
    private const string PageSql = """
        SELECT c.customer_id, j.sequence, j.applied_at, j.body
        FROM (SELECT customer_id FROM customers WHERE workspace_id = $1 AND customer_id > $2 ORDER BY customer_id LIMIT $3) AS c
        LEFT JOIN customer_journal j ON j.workspace_id = $1 AND j.customer_id = c.customer_id COLLATE "default"
        ORDER BY c.customer_id, j.sequence
        """;

    public async IAsyncEnumerable<CustomerHistory> ScanAsync(string workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = string.Empty;
        while (true)
        {
            var (page, customers, last) = await ReadPageAsync(workspaceId, after, cancellationToken).ConfigureAwait(false);
            foreach (var history in page)
            {
                yield return history;
            }

            if (customers < PageCustomers)
            {
                yield break;
            }

            after = last!;
        }
    }

    /// <summary>The histories of the next page of registered customers, how many customers it covered and the last one.</summary>
    private async Task<(List<CustomerHistory> Page, int Customers, string? Last)> ReadPageAsync(string workspaceId, string after, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(PageSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = PageCustomers });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var page = new List<CustomerHistory>();
        List<JournalEntry>? entries = null;
        string? customer = null;
        var customers = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            if (!string.Equals(id, customer, StringComparison.Ordinal))
            {
                (customer, entries) = (id, null);
                customers++;
            }

            if (reader.IsDBNull(1))
            {
                continue;
            }

            if (entries is null)
            {
                entries = [];
                page.Add(new CustomerHistory(id, entries));
            }

            // The same decoding as a customer's own load (PostgresCustomerJournal.LoadAsync): the domain's journal codec.
            entries.Add(new JournalEntry(reader.GetInt64(1), reader.GetInt64(2), JournalRecordCodec.Deserialize(reader.GetFieldValue<byte[]>(3))));
        }

        return (page, customers, customer);
    }
}
