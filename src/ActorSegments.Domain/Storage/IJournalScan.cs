namespace ActorSegments.Domain.Storage;

/// <summary>
/// Reads a whole workspace's journal customer by customer, for jobs that rebuild history (point-in-time features for
/// propensity training, item interactions for recommendations) without activating customers.
/// </summary>
public interface IJournalScan
{
    /// <summary>Each customer with a journal, in customer id order, with all its entries in sequence order.</summary>
    IAsyncEnumerable<CustomerHistory> ScanAsync(string workspaceId, CancellationToken cancellationToken = default);
}

/// <summary>One customer's journal entries, in sequence order.</summary>
public sealed record CustomerHistory(string CustomerId, IReadOnlyList<JournalEntry> Entries);
