namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// Tops a list up from a model's fallback (<see cref="IRecommendationModel.Fallback"/>): in its order, skipping what is
/// excluded or already listed, until the list holds <c>count</c> items.
/// </summary>
public static class RecommendationFill
{
    public static List<RecommendedItem> Complete(List<RecommendedItem> chosen, IEnumerable<RecommendedItem> fallback, IReadOnlySet<string> exclude, int count)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(exclude);
        if (chosen.Count >= count)
        {
            // A full list never starts the fallback, which reads the customer's history again.
            return chosen;
        }

        var taken = chosen.Select(r => r.ItemId).ToHashSet(StringComparer.Ordinal);
        foreach (var fill in fallback)
        {
            if (chosen.Count >= count)
            {
                break;
            }

            if (!exclude.Contains(fill.ItemId) && taken.Add(fill.ItemId))
            {
                chosen.Add(fill);
            }
        }

        return chosen;
    }
}
