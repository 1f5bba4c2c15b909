using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Modeling.Hybrid;

/// <summary>
/// What <see cref="HybridSelection"/> chose and on what: the collaborative settings (with their own validation table),
/// the blends, and each candidate blend's precision@10 and recall@10 on the validation split, for customers with more
/// than one order and for those with at most one. <see cref="ValidationSplit"/> is null when too few customers could
/// be validated and <see cref="HybridOptions.Collaborative"/> was kept.
/// </summary>
public sealed record HybridChoice(RecommendationChoice Collaborative, HybridOptions Chosen, long? ValidationSplit, IReadOnlyList<BlendCandidate> Candidates);

/// <summary>One blend and how it did on validation, by customers' order count.</summary>
public sealed record BlendCandidate(Blend Blend, RecommendationQuality Repeat, RecommendationQuality Thin);
