namespace ActorSegments.Domain.Features;

/// <summary>Which customer, at which cutoff (Unix seconds), a row of a <see cref="PointInTimeDataset"/> describes.</summary>
public readonly record struct PointInTimeSample(string CustomerId, long Cutoff);
