using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Catalog;

/// <summary>
/// The items content-based training reads: the workspace's loaded catalog when it has one, otherwise the catalog
/// derived from its events (<see cref="CatalogFromEvents"/>). A loaded catalog is never mixed with derived items: a
/// workspace that loads one says what it sells.
/// </summary>
public static class TrainingCatalog
{
    public static IReadOnlyList<CatalogItem> Choose(IReadOnlyList<CatalogItem> loaded, Func<IEnumerable<CustomerHistory>> histories, BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(histories);
        return loaded.Count > 0 ? loaded : CatalogFromEvents.Derive(histories(), model);
    }
}
