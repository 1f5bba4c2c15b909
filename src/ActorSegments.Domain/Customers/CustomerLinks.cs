using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Customers;

/// <summary>What a customer's journal says about its links to other ids (see docs/identity.md).</summary>
public static class CustomerLinks
{
    /// <summary>
    /// The customer this one became an alias of, or null: the last <see cref="AliasLink"/> in its own journal that names
    /// it as the previous id. An alias never writes a snapshot after that record, so the entries after the snapshot
    /// always hold it.
    /// </summary>
    public static AliasLink? AliasOf(IEnumerable<JournalEntry> entries, string customerId)
    {
        ArgumentNullException.ThrowIfNull(entries);
        AliasLink? found = null;
        foreach (var entry in entries)
        {
            if (entry.Record is AliasLink link && string.Equals(link.PreviousId, customerId, StringComparison.Ordinal))
            {
                found = link;
            }
        }

        return found;
    }

    /// <summary>
    /// Known: at least one identify call (trait update) was applied to the customer, its own or one it gathered from
    /// an id merged into it. Anonymous otherwise.
    /// </summary>
    public static bool IsKnown(IEnumerable<JournalEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Any(e => e.Record is TraitUpdate);
    }

    /// <summary>How many ids are aliases of the customer: the sum over the links it absorbed (chains included).</summary>
    public static int AliasCount(IEnumerable<JournalEntry> history, string customerId)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Select(e => e.Record)
            .OfType<AliasLink>()
            .Where(l => string.Equals(l.CustomerId, customerId, StringComparison.Ordinal))
            .Sum(l => l.Aliases);
    }
}
