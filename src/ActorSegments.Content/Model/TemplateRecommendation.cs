namespace ActorSegments.Content.Model;

/// <summary>
/// One entry of <c>recommendations</c>: the product and its rank (1 is best). The recommendations model stores the
/// ranked list only, so the rank is what orders them.
/// </summary>
internal sealed record TemplateRecommendation(string ProductId, int Rank);
