using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Modeling.Content;

/// <summary>
/// The time-split evaluation of <see cref="RecommendationEvaluation"/> (same customers, from
/// <see cref="RecommendationTargets"/>, same precision@k and recall@k), for any recommender, overall and in two
/// segments where collaborative filtering is weakest:
/// <list type="bullet">
/// <item><b>new items</b>: only items never purchased by anyone before the split count as relevant and as hits;
/// customers who bought none of them after the split are left out;</item>
/// <item><b>one purchase</b>: customers whose purchases before the split all happened at one moment (one order: the
/// lines of an invoice share its time), scored as overall.</item>
/// </list>
/// </summary>
public static class SegmentedEvaluation
{
    public static SegmentedQuality Evaluate(
        IReadOnlyList<ItemInteraction> all,
        long splitTime,
        int k,
        Func<RecommendationTarget, IReadOnlyList<string>> recommend)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(recommend);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var soldBefore = all.Where(i => i.At < splitTime && i.Kind == InteractionKind.Purchase).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
        var (overall, newItems, onePurchase) = (new PrecisionRecallTally(), new PrecisionRecallTally(), new PrecisionRecallTally());
        foreach (var target in RecommendationTargets.Of(all, splitTime))
        {
            var recommended = recommend(target);
            overall.Add(recommended, target.Relevant, k);
            var relevantNew = target.Relevant.Where(item => !soldBefore.Contains(item)).ToHashSet(StringComparer.Ordinal);
            if (relevantNew.Count > 0)
            {
                newItems.Add(recommended, relevantNew, k);
            }

            if (IsOnePurchase(target.History))
            {
                onePurchase.Add(recommended, target.Relevant, k);
            }
        }

        return new SegmentedQuality(overall.Quality, newItems.Quality, onePurchase.Quality);
    }

    /// <summary>Every purchase of the history at one moment: one order (at least one purchase).</summary>
    public static bool IsOnePurchase(IReadOnlyList<ItemInteraction> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Where(i => i.Kind == InteractionKind.Purchase).Select(i => i.At).Distinct().Count() == 1;
    }
}
