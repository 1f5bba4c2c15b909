namespace ActorSegments.Domain.Schema;

/// <summary>
/// A declared event property. Numbers are aggregated over all time (sum, average, minimum, maximum); numbers marked
/// <paramref name="Tracked"/> also over any window (<c>sum(purchase.revenue, within 30d)</c>). Strings marked
/// <paramref name="Tracked"/> keep a series per value, so rules can filter on them
/// (<c>count(product_viewed where category = "Smartphones", within 7d)</c>). Tracking costs state size per bucket.
/// </summary>
public sealed record PropertyDefinition(string Name, DataType Type, bool Tracked = false);
