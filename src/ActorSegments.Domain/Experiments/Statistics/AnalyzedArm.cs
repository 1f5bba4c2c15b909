namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>An arm as the analysis takes it: its name, its assignment weight (any positive scale) and its totals.</summary>
public sealed record AnalyzedArm(string Name, double Weight, ArmTotals Totals);
