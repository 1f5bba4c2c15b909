namespace ActorSegments.Content.Model;

/// <summary>
/// One entry of <c>recommendations</c>: the product, its rank (1 is best) and why it is recommended ("" when the model
/// gave no reason). The recommendations model stores the ranked list only, so the rank is what orders them.
/// </summary>
internal sealed record TemplateRecommendation(string ProductId, int Rank, string Reason);
