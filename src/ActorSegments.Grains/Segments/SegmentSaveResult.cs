using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// The outcome of saving or deleting a segment: the stored segment, or what is wrong (rule diagnostics with line and
/// column, or a problem with the request itself, of a <see cref="Refusal"/> kind a caller can act on) and nothing
/// changed.
/// </summary>
public sealed record SegmentSaveResult(StoredSegment? Segment, IReadOnlyList<RuleDiagnostic> Diagnostics, string? Problem)
{
    public bool Succeeded => Problem is null && Diagnostics.Count == 0;

    public SegmentRefusal Refusal { get; init; }

    public static SegmentSaveResult Saved(StoredSegment? segment) => new(segment, [], null);

    public static SegmentSaveResult Invalid(IReadOnlyList<RuleDiagnostic> diagnostics) => new(null, diagnostics, null);

    public static SegmentSaveResult Refused(SegmentRefusal refusal, string problem) => new(null, [], problem) { Refusal = refusal };
}

/// <summary>Why a change was refused, so the API can answer with the matching status.</summary>
public enum SegmentRefusal
{
    None,

    /// <summary>The request itself is malformed (an id, a schema document).</summary>
    InvalidRequest,

    NotFound,

    AlreadyExists,

    /// <summary>The segment is at another version than the one the change was made against.</summary>
    VersionConflict,

    /// <summary>The change would break other segments or stored state.</summary>
    Conflict,
}
