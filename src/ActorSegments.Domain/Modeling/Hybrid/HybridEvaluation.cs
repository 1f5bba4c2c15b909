using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Modeling.Hybrid;

/// <summary>
/// A hybrid trained before the split, scored after it on the customers of <see cref="RecommendationTargets"/> by
/// <see cref="SegmentedEvaluation"/> (overall, items new after the split, customers with one order), next to its own
/// collaborative part alone and to popularity on the same customers.
/// </summary>
public static class HybridEvaluation
{
    public static HybridEvaluationResult Evaluate(IReadOnlyList<ItemInteraction> all, long splitTime, int k, HybridModel model)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(model);
        var collaborative = model.Collaborative;
        return new HybridEvaluationResult(
            k,
            SegmentedEvaluation.Evaluate(all, splitTime, k, t => model.RecommendIds(t.History, t.Bought, k)),
            SegmentedEvaluation.Evaluate(all, splitTime, k, t => collaborative.Recommend(t.History, t.Bought, k)),
            SegmentedEvaluation.Evaluate(all, splitTime, k, t => [.. collaborative.Popular(k + t.Bought.Count).Where(item => !t.Bought.Contains(item)).Take(k)]));
    }
}

public sealed record HybridEvaluationResult(int K, SegmentedQuality Hybrid, SegmentedQuality Collaborative, SegmentedQuality Popularity);
