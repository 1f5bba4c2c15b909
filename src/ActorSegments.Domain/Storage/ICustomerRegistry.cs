namespace ActorSegments.Domain.Storage;

/// <summary>Every customer of a workspace (registered with its first commit): what a new segment is evaluated against.</summary>
public interface ICustomerRegistry
{
    Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> customer ids after <paramref name="afterCustomerId"/> in ordinal order (null: from the start).</summary>
    Task<IReadOnlyList<string>> PageAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> distinct customer ids drawn uniformly at random (every customer when the workspace
    /// has no more): what a preview evaluates a rule on.
    /// </summary>
    Task<IReadOnlyList<string>> SampleAsync(string workspaceId, int limit, CancellationToken cancellationToken = default);
}
