namespace ActorSegments.Grains.Tests.Experiments;

/// <summary>One arm's totals for <see cref="ReportReadouts.Input"/>.</summary>
internal sealed record ArmFigures(string Arm, long Assigned, long Conversions, double Sum = 0, double SumOfSquares = 0);
