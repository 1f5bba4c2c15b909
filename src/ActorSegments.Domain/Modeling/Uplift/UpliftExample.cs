namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>One assigned customer of an experiment: its features as of its assignment, its arm (messaged or not), its goal outcome.</summary>
public sealed record UpliftExample(string CustomerId, long AssignedAt, float[] Features, bool Treated, bool Converted);
