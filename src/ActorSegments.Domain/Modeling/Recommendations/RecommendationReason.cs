namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// Why an item is recommended: co-purchased with an item of the customer's (<see cref="Anchor"/> its id), similar in
/// content to one (<see cref="Anchor"/> its id, <see cref="AnchorKind"/> what the customer did with it), popular in a
/// category of the customer's (<see cref="Anchor"/> the category), or popular overall (no anchor).
/// </summary>
public sealed record RecommendationReason(RecommendationReasonKind Kind, string? Anchor = null, InteractionKind AnchorKind = InteractionKind.Purchase)
{
    public static RecommendationReason Popular { get; } = new(RecommendationReasonKind.Popular);
}

public enum RecommendationReasonKind
{
    BoughtTogether,
    SimilarTo,
    PopularInCategory,
    Popular,
}
