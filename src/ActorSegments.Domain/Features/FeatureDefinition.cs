namespace ActorSegments.Domain.Features;

/// <summary>
/// One column of the customer feature row: its stable name, what it measures, how it is transformed before
/// standardization, and whether it grows by one per day with no event (a "days since" value), so a stored row can be
/// brought up to date without the customer.
/// </summary>
public sealed record FeatureDefinition(string Name, string Description, FeatureTransform Transform, bool DaysSince = false);
