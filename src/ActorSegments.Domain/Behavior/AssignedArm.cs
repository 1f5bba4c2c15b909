namespace ActorSegments.Domain.Behavior;

/// <summary>The arm of one experiment a customer is in, and when it was assigned (Unix seconds).</summary>
public readonly record struct AssignedArm(string Arm, long AssignedAt);
