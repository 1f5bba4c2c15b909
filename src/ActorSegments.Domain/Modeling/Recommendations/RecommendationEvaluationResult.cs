namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>A recommendation model against the popularity baseline, on the same customers and the same k.</summary>
public sealed record RecommendationEvaluationResult(int K, RecommendationQuality Model, RecommendationQuality Popularity);
