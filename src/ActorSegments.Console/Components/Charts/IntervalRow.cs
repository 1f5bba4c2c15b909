namespace ActorSegments.WebConsole.Components.Charts;

/// <summary>One row of an <see cref="IntervalChart"/>: an estimate and its interval (null while the data cannot give them).</summary>
public sealed record IntervalRow(string Label, double? Estimate, double? Lower, double? Upper, string Text, bool Highlight = false);
