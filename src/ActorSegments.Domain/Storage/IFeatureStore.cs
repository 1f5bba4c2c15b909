using ActorSegments.Domain.Features;

namespace ActorSegments.Domain.Storage;

/// <summary>
/// The feature table: one row per customer (<see cref="CustomerFeatures"/> layout), rewritten as customers change,
/// so training reads one table instead of activating every customer.
/// </summary>
public interface IFeatureStore
{
    /// <summary>Inserts or replaces the rows; a row older than the stored one (by <see cref="FeatureRow.AsOf"/>) is ignored.</summary>
    Task UpsertAsync(string workspaceId, IReadOnlyList<FeatureRow> rows, CancellationToken cancellationToken = default);

    /// <summary>Every row of the workspace in the current <see cref="CustomerFeatures.Version"/>, in customer id order.</summary>
    IAsyncEnumerable<FeatureRow> ReadAllAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Rows of the current version stored for the workspace.</summary>
    Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> ids, in ordinal order after <paramref name="afterCustomerId"/> (from the start when
    /// null), of the workspace's customers whose row is of an older layout than <see cref="CustomerFeatures.Version"/>
    /// (a newer one, written by a newer silo, is not stale): they rewrite it in the current layout.
    /// </summary>
    Task<IReadOnlyList<string>> ReadStaleAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The workspaces with any row in an older layout than <see cref="CustomerFeatures.Version"/>, in ordinal order.</summary>
    Task<IReadOnlyList<string>> StaleWorkspacesAsync(CancellationToken cancellationToken = default);
}
