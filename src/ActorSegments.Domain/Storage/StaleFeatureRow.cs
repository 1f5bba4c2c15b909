using ActorSegments.Domain.Features;

namespace ActorSegments.Domain.Storage;

/// <summary>
/// A stored feature row of an older layout than <see cref="CustomerFeatures.Version"/>: whose it is and its version,
/// which together are also the position a paged read of stale rows continues after.
/// </summary>
public sealed record StaleFeatureRow(string CustomerId, int Version);
