using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Modeling.Content;

/// <summary>Precision@k and recall@k overall, on items new after the split, and for customers with one order before it.</summary>
public sealed record SegmentedQuality(RecommendationQuality Overall, RecommendationQuality NewItems, RecommendationQuality OnePurchase);
