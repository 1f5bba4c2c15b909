namespace ActorSegments.Domain.Catalog;

/// <summary>
/// What one catalog request and one workspace's catalog may hold. They bound the cost of a request, of a stored row
/// and of training (every item becomes a vector).
/// </summary>
public sealed record CatalogLimits
{
    public static CatalogLimits Default { get; } = new();

    public int MaxItemsPerRequest { get; init; } = 1000;

    /// <summary>Product ids in events are string properties; a catalog id longer than an event id could not be matched.</summary>
    public int MaxItemIdLength { get; init; } = 128;

    public int MaxTitleLength { get; init; } = 512;

    public int MaxDescriptionLength { get; init; } = 4096;

    public int MaxCategoryLevels { get; init; } = 8;

    public int MaxCategoryLevelLength { get; init; } = 128;

    public int MaxBrandLength { get; init; } = 128;

    public int MaxTags { get; init; } = 32;

    public int MaxTagLength { get; init; } = 64;

    /// <summary>Prices above this are taken for typos (cents sent as units, a stray digit).</summary>
    public decimal MaxPrice { get; init; } = 1_000_000_000m;

    /// <summary>Items one workspace may hold; an upsert that would pass it is refused whole.</summary>
    public int MaxCatalogItems { get; init; } = 1_000_000;
}
