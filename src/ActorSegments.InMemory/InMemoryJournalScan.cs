using System.Runtime.CompilerServices;
using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>
/// The journal scan over the in-memory journal: registered customers in ordinal order (a customer is registered with
/// its first entry), each with its entries decoded one customer at a time, so a scan holds one customer's history at once.
/// </summary>
public sealed class InMemoryJournalScan(InMemoryCustomerJournal journal) : IJournalScan
{
    public async IAsyncEnumerable<CustomerHistory> ScanAsync(string workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var customer in journal.Customers(workspaceId))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entries = journal.Entries(workspaceId, customer);
            if (entries.Count > 0)
            {
                yield return new CustomerHistory(customer, entries);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
