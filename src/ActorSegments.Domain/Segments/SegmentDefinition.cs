namespace ActorSegments.Domain.Segments;

/// <summary>A segment as a marketer defines it: a stable id and a rule in the rule language.</summary>
public sealed record SegmentDefinition(string Id, string Rule);
