namespace ActorSegments.Domain.Modeling;

/// <summary>Builds an item-to-item recommendation model from customers' product interactions.</summary>
public interface IRecommendationTrainer
{
    IRecommendationModel Train(IEnumerable<ItemInteraction> interactions, RecommendationOptions options);
}

/// <summary>Top-N items for one customer. Safe to call from many threads.</summary>
public interface IRecommendationModel
{
    /// <summary>
    /// Up to <paramref name="count"/> items for a customer with these interactions (<paramref name="history"/>, any
    /// order), never one of <paramref name="exclude"/> (what the customer already bought).
    /// </summary>
    IReadOnlyList<string> Recommend(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count);

    /// <summary>Items by popularity, most popular first (the cold-start answer and the evaluation baseline).</summary>
    IReadOnlyList<string> Popular(int count);

    /// <summary>The model as bytes, for <see cref="IRecommendationTrainer"/>-side reloading.</summary>
    byte[] Serialize();
}

public enum InteractionKind
{
    View,
    CartAdd,
    Purchase,
}

/// <summary>One customer touching one item at a time (Unix seconds); the category when known.</summary>
public sealed record ItemInteraction(string CustomerId, string ItemId, string? Category, InteractionKind Kind, long At);

public sealed record RecommendationOptions
{
    /// <summary>Neighbors kept per item.</summary>
    public int NeighborsPerItem { get; init; } = 50;

    /// <summary>Weights of interaction kinds when building customer-item vectors.</summary>
    public double ViewWeight { get; init; } = 1;

    public double CartWeight { get; init; } = 2;

    public double PurchaseWeight { get; init; } = 3;

    /// <summary>Co-occurring pairs seen fewer times than this are ignored as noise.</summary>
    public int MinimumCoOccurrence { get; init; } = 2;
}
