namespace ActorSegments.Domain.Catalog;

/// <summary>
/// A workspace's item catalog. Every applied upsert or delete batch bumps the workspace's catalog version by one, and
/// the items it wrote carry that version; a delete removes the rows (no tombstone: a deleted item simply stops being
/// recommended, and re-adding it is an upsert at a later version). Batches are validated before they get here
/// (<see cref="CatalogValidator"/>); a batch is applied whole or not at all.
/// </summary>
public interface ICatalogStore
{
    /// <summary>
    /// Inserts or replaces the items; refused whole (<see cref="CatalogWrite.Applied"/> false, nothing changed) when the
    /// catalog would then hold more than <paramref name="maxItems"/> items.
    /// </summary>
    Task<CatalogWrite> UpsertAsync(string workspaceId, IReadOnlyList<CatalogItem> items, int maxItems, CancellationToken cancellationToken = default);

    /// <summary>Removes the items that exist; ids not in the catalog are ignored. The version moves only when something was removed.</summary>
    Task<CatalogWrite> DeleteAsync(string workspaceId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken = default);

    Task<CatalogItem?> GetAsync(string workspaceId, string itemId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> items in ordinal id order, after <paramref name="afterId"/> (null: from the start).</summary>
    Task<IReadOnlyList<CatalogItem>> ListAsync(string workspaceId, string? afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every item, in ordinal id order, for training.</summary>
    IAsyncEnumerable<CatalogItem> ReadAllAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>The current version (0 before the first write) and item count.</summary>
    Task<CatalogInfo> InfoAsync(string workspaceId, CancellationToken cancellationToken = default);
}
