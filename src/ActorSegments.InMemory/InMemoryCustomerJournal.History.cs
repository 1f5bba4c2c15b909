using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>A customer's whole journal, snapshot or not: what linking two ids reads (docs/identity.md).</summary>
public sealed partial class InMemoryCustomerJournal
{
    public Task<IReadOnlyList<JournalEntry>> HistoryAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Entries(workspaceId, customerId));
}
