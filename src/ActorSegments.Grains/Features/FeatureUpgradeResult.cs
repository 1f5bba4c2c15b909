namespace ActorSegments.Grains.Features;

/// <summary>What a pass of a feature layout upgrade did: rows rewritten, rows left because their customer has no history, customers that failed.</summary>
public sealed record FeatureUpgradeResult(long Rewritten, long Skipped, long Failed);
