namespace ActorSegments.Domain.Storage;

/// <summary>
/// The durable record of customers: an append-only event journal with each customer's latest snapshot, the ordered
/// membership change log and the current members, and the customers' wake-up times. Commits of many customers are
/// grouped into one transaction; a commit completes only once it is durable.
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
    /// Stores a snapshot on its own (a customer going idle or deactivating), waiting for room in the journal's queue
    /// rather than being refused. A snapshot older than the stored one (a smaller sequence) is ignored. A failure only
    /// means more replay on the next activation.
    /// </summary>
    Task SaveSnapshotAsync(string workspaceId, string customerId, StoredSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>
    /// The customer's record as of one moment: its snapshot, the entries after it, its memberships and its wake-up.
    /// Concurrent loads may be read together in one statement.
    /// </summary>
    Task<CustomerRecord> LoadAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default);

    /// <summary>The records of many customers of a workspace, for bulk readers; customers with nothing stored are absent.</summary>
    Task<IReadOnlyDictionary<string, CustomerRecord>> LoadManyAsync(string workspaceId, IReadOnlyList<string> customerIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ids, and kinds of record, stored in the customer's journal entries at <paramref name="sequences"/>
    /// (sequences with no entry are left out): how a customer reads back the candidates its event id index found, to
    /// compare them exactly.
    /// </summary>
    Task<IReadOnlyDictionary<long, StoredRecordId>> EventIdsAtAsync(string workspaceId, string customerId, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every journal entry of the customer, snapshot or not, in sequence order (none for a customer never seen): what a
    /// link of two ids reads to hand one customer's history to the other (docs/identity.md). Not for hot paths.
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> HistoryAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default);
}
