using ActorSegments.Domain.Privacy;
using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>
/// Erasure for the in-memory storage (dev mode and tests), with the PostgreSQL store's rules: the id is suppressed
/// first, then removed from every store, the feed redacted, the audit record kept; the erasure exits stay readable
/// until their order's time when it gives one.
/// </summary>
public sealed class InMemoryCustomerErasure(
    InMemoryCustomerJournal journal,
    InMemoryFeatureStore features,
    InMemoryCohortStore cohorts,
    InMemoryWebhookStore webhooks) : ICustomerErasure
{
    /// <summary>What replaces a webhook error that quoted an erased id (as in PostgreSQL).</summary>
    public const string RedactedError = "[redacted: named an erased customer]";

    private readonly Lock _lock = new();
    private readonly List<ErasureAuditRecord> _audit = [];
    private readonly Dictionary<(string Workspace, string Customer), (string Token, DateTimeOffset After)> _pending = [];

    public Task<ErasureReport> EraseAsync(ErasureOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var hash = ErasedIds.Hash(order.WorkspaceId, order.CustomerId);
        lock (_lock)
        {
            var wasSuppressed = !journal.Suppress(order.WorkspaceId, order.CustomerId);
            var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var keepExits = order.RedactExitsAfter is not null && journal.HasErasureExits(order.WorkspaceId, order.CustomerId);
            if (keepExits && _pending.TryAdd((order.WorkspaceId, order.CustomerId), (order.Token, order.RedactExitsAfter!.Value)))
            {
                rows["erasure_pending_exits"] = 1; // a repeated erasure keeps the first one's token and time, as in PostgreSQL
            }

            journal.Erase(order.WorkspaceId, order.CustomerId, order.Token, keepExits, rows);
            AddIfAny(rows, "customer_features", features.Forget(order.WorkspaceId, order.CustomerId));
            AddIfAny(rows, "cohort_assignments", cohorts.Forget(order.WorkspaceId, order.CustomerId));
            AddIfAny(rows, "webhook_deliveries", webhooks.RedactErrors(order.WorkspaceId, order.CustomerId, RedactedError));
            _audit.Add(new ErasureAuditRecord(order.WorkspaceId, hash, order.ErasedBy, order.ErasedAt, rows));
            return Task.FromResult(new ErasureReport(rows, wasSuppressed));
        }
    }

    public Task<bool> IsSuppressedAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(journal.IsSuppressed(workspaceId, customerId));

    public Task<bool> LiftSuppressionAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(journal.LiftSuppression(workspaceId, customerId));

    public Task<int> RedactDueExitsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
        {
            var due = _pending.Where(p => p.Value.After <= now).OrderBy(p => p.Value.After).Take(limit).ToList();
            foreach (var ((workspaceId, customerId), (token, _)) in due)
            {
                journal.RedactExits(workspaceId, customerId, token);
                webhooks.RedactErrors(workspaceId, customerId, RedactedError);
                _pending.Remove((workspaceId, customerId));
            }

            return Task.FromResult(due.Count);
        }
    }

    public Task<IReadOnlyList<ErasureAuditRecord>> AuditAsync(string workspaceId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ErasureAuditRecord>>([.. _audit.Where(a => a.WorkspaceId == workspaceId).Reverse().Take(limit)]);
        }
    }

    private static void AddIfAny(SortedDictionary<string, long> rows, string table, long count)
    {
        if (count > 0)
        {
            rows[table] = count;
        }
    }
}
