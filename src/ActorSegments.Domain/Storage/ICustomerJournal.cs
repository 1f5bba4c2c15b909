namespace ActorSegments.Domain.Storage;

/// <summary>
/// The durable record of what customers did: an append-only event journal, the ordered membership change log and
/// the current members, and the customers' wake-up times. Commits of many customers are grouped into one
/// transaction; a commit completes only once it is durable.
/// </summary>
public interface ICustomerJournal
{
    /// <summary>
    /// Makes the commit durable. Throws when it is not known to be durable; the caller must then drop its in-memory
    /// changes and rebuild from the journal. Throws <see cref="JournalOverloadedException"/> without writing when too
    /// much is already waiting.
    /// </summary>
    Task CommitAsync(CustomerCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The customer's journal entries with a sequence above <paramref name="afterSequence"/> (in order), its current
    /// memberships and its stored wake-up.
    /// </summary>
    Task<CustomerRecord> LoadAsync(string workspaceId, string customerId, long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// The event ids stored in the customer's journal entries at <paramref name="sequences"/> (sequences with no entry
    /// are left out): how a customer reads back the candidates its event id index found, to compare them exactly.
    /// </summary>
    Task<IReadOnlyDictionary<long, string>> EventIdsAtAsync(string workspaceId, string customerId, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default);
}
