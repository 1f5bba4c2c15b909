namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// Who a time-split evaluation scores and against what: each customer with a history before the split who afterwards
/// bought items new to it (items it had not bought before the split), in ordinal id order.
/// </summary>
public static class RecommendationTargets
{
    public static IReadOnlyList<RecommendationTarget> Of(IReadOnlyList<ItemInteraction> all, long splitTime)
    {
        ArgumentNullException.ThrowIfNull(all);
        var histories = all.Where(i => i.At < splitTime).GroupBy(i => i.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var targets = new List<RecommendationTarget>();
        var purchasesAfter = all
            .Where(i => i.At >= splitTime && i.Kind == InteractionKind.Purchase && histories.ContainsKey(i.CustomerId))
            .GroupBy(i => i.CustomerId, StringComparer.Ordinal);
        foreach (var customer in purchasesAfter.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var history = histories[customer.Key];
            var bought = history.Where(i => i.Kind == InteractionKind.Purchase).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
            var relevant = customer.Select(i => i.ItemId).Where(item => !bought.Contains(item)).ToHashSet(StringComparer.Ordinal);
            if (relevant.Count > 0)
            {
                targets.Add(new RecommendationTarget(history, bought, relevant));
            }
        }

        return targets;
    }
}

/// <summary>One evaluated customer: its interactions before the split, what it had bought then, and what it bought new after.</summary>
public sealed record RecommendationTarget(IReadOnlyList<ItemInteraction> History, IReadOnlySet<string> Bought, IReadOnlySet<string> Relevant);
