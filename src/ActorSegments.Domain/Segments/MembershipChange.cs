namespace ActorSegments.Domain.Segments;

/// <summary>A customer entered or left a segment at an instant (Unix seconds), and why.</summary>
public readonly record struct MembershipChange(string SegmentId, bool Entered, long At, MembershipCause Cause);
