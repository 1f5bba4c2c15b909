using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>The customer registry over the in-memory journal: a workspace's customers, registered with their first entry.</summary>
public sealed class InMemoryCustomerRegistry(InMemoryCustomerJournal journal) : ICustomerRegistry
{
    public Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(journal.CustomerCount(workspaceId));

    public Task<IReadOnlyList<string>> PageAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(journal.CustomersAfter(workspaceId, afterCustomerId, limit));

    public Task<IReadOnlyList<string>> SampleAsync(string workspaceId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var customers = journal.Customers(workspaceId);
        Random.Shared.Shuffle(customers);
        return Task.FromResult<IReadOnlyList<string>>(customers.Length <= limit ? customers : customers[..limit]);
    }
}
