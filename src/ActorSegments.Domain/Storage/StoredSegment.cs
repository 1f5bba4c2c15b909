namespace ActorSegments.Domain.Storage;

/// <summary>
/// A segment definition as stored: its rule, version (1 on creation, +1 per edit), when that version was saved, and
/// backfill progress (customers evaluated, customers to evaluate, and the last customer evaluated, where a resumed
/// backfill continues).
/// </summary>
public sealed record StoredSegment(
    string SegmentId,
    string Rule,
    int Version,
    SegmentStatus Status,
    long BackfillDone,
    long BackfillTotal,
    DateTimeOffset UpdatedAt)
{
    public string? BackfillAfter { get; init; }
}
