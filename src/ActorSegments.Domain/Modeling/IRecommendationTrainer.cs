namespace ActorSegments.Domain.Modeling;

/// <summary>Builds an item-to-item recommendation model (cosine neighbors or EASE weights) from customers' product interactions.</summary>
public interface IRecommendationTrainer
{
    IRecommendationModel Train(IEnumerable<ItemInteraction> interactions, RecommendationOptions options);
}

/// <summary>Top-N items for one customer. Safe to call from many threads.</summary>
public interface IRecommendationModel
{
    /// <summary>
    /// The settings it was trained with; the method is the one really used (item-kNN when EASE was asked for above its
    /// item limit).
    /// </summary>
    RecommendationOptions Options { get; }

    /// <summary>
    /// Up to <paramref name="count"/> items for a customer with these interactions (<paramref name="history"/>, any
    /// order), never one of <paramref name="exclude"/> (what the customer already bought).
    /// </summary>
    IReadOnlyList<string> Recommend(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count);

    /// <summary>
    /// The collaborative part of <see cref="Recommend"/>: up to <paramref name="count"/> items the customer's items vote
    /// for, best first, none of <paramref name="exclude"/>, each with its summed vote and the item that gave the most.
    /// </summary>
    IReadOnlyList<Recommendations.ItemVote> Votes(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count);

    /// <summary>
    /// What <see cref="Recommend"/> fills leftover slots with, in order and with reasons: the most popular items of the
    /// customer's categories, then the most popular overall (may repeat an item; the caller skips what it has).
    /// </summary>
    IEnumerable<Recommendations.RecommendedItem> Fallback(IReadOnlyList<ItemInteraction> history);

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

/// <summary>How item-to-item weights are learned.</summary>
public enum RecommendationMethod
{
    /// <summary>Cosine similarity of items' customer vectors, the nearest neighbors kept per item.</summary>
    ItemKnn,

    /// <summary>
    /// EASE (Steck 2019): the closed-form linear item model B = I - P·diag(1/diag(P)), P = (XᵀX + λI)⁻¹, with each item's
    /// largest positive weights kept. Needs a dense catalog × catalog inverse, so only up to
    /// <see cref="RecommendationOptions.MaximumEaseItems"/> items; above that the trainer falls back to
    /// <see cref="ItemKnn"/>.
    /// </summary>
    Ease,
}

public sealed record RecommendationOptions
{
    public RecommendationMethod Method { get; init; } = RecommendationMethod.ItemKnn;

    /// <summary>Neighbors kept per item (for EASE: its largest positive weights kept).</summary>
    public int NeighborsPerItem { get; init; } = 50;

    /// <summary>EASE's λ, in customers: the weights are read with a purchase counting 1, so XᵀX counts co-purchasing customers.</summary>
    public double EaseRegularization { get; init; } = 1000;

    /// <summary>
    /// The largest catalog EASE is trained on: its inverse holds items² doubles (5,000 items: 200 MB) and costs items³
    /// operations (about 20 s of CPU at 5,000, and a training job trains up to eight times), so larger catalogs use
    /// <see cref="RecommendationMethod.ItemKnn"/> with the same neighbors per item.
    /// </summary>
    public int MaximumEaseItems { get; init; } = 5_000;

    /// <summary>The method a catalog of <paramref name="itemCount"/> items is actually trained with.</summary>
    public RecommendationMethod MethodFor(int itemCount) =>
        Method == RecommendationMethod.Ease && itemCount > MaximumEaseItems ? RecommendationMethod.ItemKnn : Method;

    /// <summary>Weights of interaction kinds when building customer-item vectors.</summary>
    public double ViewWeight { get; init; } = 1;

    /// <summary>
    /// When set, an interaction this many days before the training data's latest one counts half in the matrix:
    /// co-purchases of the last season weigh more than those of a year ago. Null: every interaction alike.
    /// </summary>
    public double? TrainingHalfLifeDays { get; init; }

    public double CartWeight { get; init; } = 2;

    public double PurchaseWeight { get; init; } = 3;

    /// <summary>Co-occurring pairs seen fewer times than this are ignored as noise.</summary>
    public int MinimumCoOccurrence { get; init; } = 2;
}
