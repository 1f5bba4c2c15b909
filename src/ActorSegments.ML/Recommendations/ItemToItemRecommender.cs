using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Recommendations;

/// <summary>
/// Trains <see cref="ItemToItemModel"/>s: the weighted customer × item matrix (<see cref="CustomerItemMatrix"/>),
/// each item's neighbors, by cosine similarity (<see cref="ItemSimilarity"/>) or EASE weights (<see cref="EaseWeights"/>)
/// as the options say, and item popularity: distinct customers who bought the item, then (for items nobody bought,
/// or equal buyers) distinct customers who touched it at all.
/// </summary>
/// <remarks>
/// EASE above <see cref="RecommendationOptions.MaximumEaseItems"/> items falls back to cosine neighbors (same
/// neighbors per item); the model's options then say <see cref="RecommendationMethod.ItemKnn"/>, what it really is.
/// </remarks>
public sealed class ItemToItemRecommender : IRecommendationTrainer
{
    public IRecommendationModel Train(IEnumerable<ItemInteraction> interactions, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.NeighborsPerItem, nameof(options));
        if (options.TrainingHalfLifeDays is { } halfLife)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfLife, nameof(options));
        }

        var matrix = CustomerItemMatrix.Build(interactions, options);
        var popularity = Enumerable.Range(0, matrix.Items.Length)
            .OrderByDescending(i => matrix.Purchasers[i])
            .ThenByDescending(i => matrix.Interactors[i])
            .ThenBy(i => i)
            .ToArray();
        var trained = options with { Method = options.MethodFor(matrix.Items.Length) };
        var neighbors = trained.Method == RecommendationMethod.Ease ? EaseWeights.Neighbors(matrix, trained) : ItemSimilarity.Neighbors(matrix, trained);
        return new ItemToItemModel(trained, matrix.Items, matrix.Categories, popularity, neighbors);
    }
}
