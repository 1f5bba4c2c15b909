namespace ActorSegments.WebConsole.Components.Charts;

/// <summary>One point of a <see cref="LineChart"/>: where it is, and what its label and the data table say about it.</summary>
public sealed record ChartPoint(double X, double Y, string XLabel, string YLabel);
