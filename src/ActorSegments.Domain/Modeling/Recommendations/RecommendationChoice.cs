namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// What <see cref="RecommendationSelection"/> chose, and on what: the validation split (null when too few customers
/// could be validated, and the default was kept) and each candidate's precision@10 and recall@10 there.
/// </summary>
public sealed record RecommendationChoice(RecommendationOptions Chosen, long? ValidationSplit, IReadOnlyList<RecommendationCandidate> Candidates);

/// <summary>One candidate's settings and how its model did on the validation split.</summary>
public sealed record RecommendationCandidate(RecommendationOptions Options, RecommendationQuality Validation);
