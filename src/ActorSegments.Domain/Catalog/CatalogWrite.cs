namespace ActorSegments.Domain.Catalog;

/// <summary>
/// What an upsert or delete did: whether it was applied, the catalog version and item count after it, and how many
/// items it wrote or removed. A refused upsert (the catalog would be too large) leaves version and count as they were.
/// </summary>
public sealed record CatalogWrite(bool Applied, long Version, long Count, int Changed);
