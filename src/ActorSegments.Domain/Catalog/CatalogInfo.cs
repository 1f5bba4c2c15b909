namespace ActorSegments.Domain.Catalog;

/// <summary>A workspace catalog's version (0 before its first write) and how many items it holds.</summary>
public sealed record CatalogInfo(long Version, long Count);
