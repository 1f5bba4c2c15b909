namespace ActorSegments.Domain.Modeling.Content;

/// <summary>A recommended item and its score (for content: the cosine between the customer's profile and the item).</summary>
public sealed record ScoredItem(string ItemId, double Score);
