namespace ActorSegments.Domain.Storage;

/// <summary>Every customer of a workspace (registered with its first commit): what a new segment is evaluated against.</summary>
public interface ICustomerRegistry
{
    Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> customer ids after <paramref name="afterCustomerId"/> in ordinal order (null: from the start).</summary>
    Task<IReadOnlyList<string>> PageAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default);
}
