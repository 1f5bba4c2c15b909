namespace ActorSegments.Domain.Storage;

/// <summary>One saved version of a segment's rule.</summary>
public sealed record SegmentVersion(int Version, string Rule, DateTimeOffset SavedAt);
