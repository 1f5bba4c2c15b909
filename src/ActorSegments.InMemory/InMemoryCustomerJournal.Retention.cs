namespace ActorSegments.InMemory;

/// <summary>Retention in the in-memory journal: one bounded batch of a pass over a workspace's entries.</summary>
public sealed partial class InMemoryCustomerJournal
{
    /// <summary>
    /// Examines up to <paramref name="examine"/> kept entries after <paramref name="after"/> in (customer, sequence)
    /// order and drops those that occurred before <paramref name="cutoff"/> and that the customer's snapshot includes.
    /// </summary>
    internal (long Examined, long Deleted, IReadOnlyList<string> Uncovered, (string Customer, long Sequence)? Last) RetainBatch(
        string workspaceId, (string Customer, long Sequence) after, int examine, DateTimeOffset cutoff)
    {
        var customers = _entries.Keys.Where(k => k.Workspace == workspaceId && string.CompareOrdinal(k.Customer, after.Customer) >= 0)
            .Select(k => k.Customer).Order(StringComparer.Ordinal);
        long examined = 0, deleted = 0;
        var uncovered = new List<string>();
        (string, long)? last = null;
        foreach (var customer in customers)
        {
            var covers = _snapshots.TryGetValue((workspaceId, customer), out var snapshot) ? snapshot.Sequence : 0;
            foreach (var entry in _entries[(workspaceId, customer)].Kept.Where(e => customer != after.Customer || e.Sequence > after.Sequence))
            {
                if (examined == examine)
                {
                    return (examined, deleted, uncovered, last);
                }

                examined++;
                last = (customer, entry.Sequence);
                if (entry.OccurredAt >= cutoff)
                {
                    continue;
                }

                if (entry.Sequence <= covers)
                {
                    entry.Drop();
                    deleted++;
                }
                else if (uncovered.Count == 0 || uncovered[^1] != customer)
                {
                    uncovered.Add(customer);
                }
            }
        }

        return (examined, deleted, uncovered, last);
    }
}
