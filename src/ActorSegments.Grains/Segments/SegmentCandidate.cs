using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Segments;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// A rule compiled as it would be saved, not saved: the segment and the behavior model it was compiled against, or
/// (<see cref="Refusal"/>) what is wrong with it.
/// </summary>
public sealed record SegmentCandidate(SegmentSaveResult? Refusal, CompiledSegment? Segment, BehaviorModel Model);
