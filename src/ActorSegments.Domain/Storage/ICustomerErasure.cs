namespace ActorSegments.Domain.Storage;

/// <summary>
/// Erasure of one customer's stored data (docs/privacy.md), the suppression list that keeps an erased id from coming
/// back by accident, and the audit log of erasures. Only hashes of ids are kept (<see cref="Privacy.ErasedIds.Hash"/>).
/// </summary>
public interface ICustomerErasure
{
    /// <summary>
    /// In one transaction: suppresses the id, deletes every row keyed by it (journal, snapshot, members, wake-up,
    /// registry entry, feature row, cohort assignment), replaces it in the change feed and in webhook delivery logs with
    /// the order's token (the feed rows of its erasure exits only from <see cref="ErasureOrder.RedactExitsAfter"/> on,
    /// when given), and appends the audit record. Returns once that transaction is durable. Erasing an id with nothing
    /// stored succeeds too (it is suppressed and audited).
    /// </summary>
    Task<ErasureReport> EraseAsync(ErasureOrder order, CancellationToken cancellationToken = default);

    /// <summary>Whether the id was erased and not restarted since.</summary>
    Task<bool> IsSuppressedAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default);

    /// <summary>Takes the id off the suppression list, so it may start a new customer; false when it was not on it.</summary>
    Task<bool> LiftSuppressionAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Redacts the erasure exits whose visibility ended at <paramref name="now"/>, at most <paramref name="limit"/>
    /// erasures' worth; returns how many erasures were finished (fewer than the limit: none left due).
    /// </summary>
    Task<int> RedactDueExitsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>The newest audit records of a workspace, newest first.</summary>
    Task<IReadOnlyList<ErasureAuditRecord>> AuditAsync(string workspaceId, int limit, CancellationToken cancellationToken = default);
}
