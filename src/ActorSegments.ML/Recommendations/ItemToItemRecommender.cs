using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Recommendations;

/// <summary>
/// Trains <see cref="ItemToItemModel"/>s: the weighted customer × item matrix (<see cref="CustomerItemMatrix"/>),
/// item-to-item cosine neighbors (<see cref="ItemSimilarity"/>) and item popularity: distinct customers who bought
/// the item, then (for items nobody bought, or equal buyers) distinct customers who touched it at all.
/// </summary>
public sealed class ItemToItemRecommender : IRecommendationTrainer
{
    public IRecommendationModel Train(IEnumerable<ItemInteraction> interactions, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.NeighborsPerItem, nameof(options));
        var matrix = CustomerItemMatrix.Build(interactions, options);
        var popularity = Enumerable.Range(0, matrix.Items.Length)
            .OrderByDescending(i => matrix.Purchasers[i])
            .ThenByDescending(i => matrix.Interactors[i])
            .ThenBy(i => i)
            .ToArray();
        return new ItemToItemModel(options, matrix.Items, matrix.Categories, popularity, ItemSimilarity.Neighbors(matrix, options));
    }
}
