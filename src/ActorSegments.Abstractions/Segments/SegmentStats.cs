using ActorSegments.Domain.Storage;

namespace ActorSegments.Abstractions.Segments;

/// <summary>A segment's definition, live member count and backfill progress.</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.segment-stats")]
public sealed record SegmentStats(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] string SegmentId,
    [property: Id(2)] string Rule,
    [property: Id(3)] int Version,
    [property: Id(4)] SegmentStatus Status,
    [property: Id(5)] long Members,
    [property: Id(6)] long BackfillDone,
    [property: Id(7)] long BackfillTotal)
{
    /// <summary>When this version of the definition was saved.</summary>
    [Id(8)] public DateTimeOffset UpdatedAt { get; init; }
}
