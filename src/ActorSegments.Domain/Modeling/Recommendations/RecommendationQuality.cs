namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// How well top-k lists found what customers went on to buy: precision@k (hits / k) and recall@k (hits / items
/// bought), each averaged over the <paramref name="Customers"/> evaluated.
/// </summary>
public sealed record RecommendationQuality(int Customers, double PrecisionAtK, double RecallAtK);
