using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// The outcome of saving or deleting a segment: the stored segment, or what is wrong (rule diagnostics with line and
/// column, or a problem with the request itself) and nothing changed.
/// </summary>
public sealed record SegmentSaveResult(StoredSegment? Segment, IReadOnlyList<RuleDiagnostic> Diagnostics, string? Problem)
{
    public bool Succeeded => Problem is null && Diagnostics.Count == 0;

    public static SegmentSaveResult Saved(StoredSegment? segment) => new(segment, [], null);

    public static SegmentSaveResult Invalid(IReadOnlyList<RuleDiagnostic> diagnostics) => new(null, diagnostics, null);

    public static SegmentSaveResult Refused(string problem) => new(null, [], problem);
}
