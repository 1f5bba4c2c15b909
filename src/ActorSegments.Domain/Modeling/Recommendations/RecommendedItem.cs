namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>One recommended item and why.</summary>
public sealed record RecommendedItem(string ItemId, RecommendationReason Reason);
