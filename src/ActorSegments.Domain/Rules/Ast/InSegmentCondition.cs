namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>in_segment("vip")</c>: the customer is a member of another segment.</summary>
public sealed record InSegmentCondition(string SegmentId) : Condition;
