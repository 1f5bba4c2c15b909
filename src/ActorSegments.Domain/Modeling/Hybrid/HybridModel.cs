using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Modeling.Hybrid;

/// <summary>
/// Collaborative and content-based recommendations blended (<see cref="HybridCandidates"/>) at the customer's weight
/// (<see cref="HybridOptions.BlendFor"/>; content alone for a customer none of whose items the collaborative model
/// knows), then the collaborative model's fill (popular in the customer's categories, then popular). Items nobody
/// bought yet, new ones included, are scored from content (<see cref="Blend.UnsoldShare"/>).
/// Never an item of the exclusion set. Safe to call from many threads.
/// </summary>
public sealed class HybridModel(IRecommendationModel collaborative, ContentModel content, HybridOptions options, IReadOnlySet<string> sold)
{
    public IRecommendationModel Collaborative { get; } = collaborative ?? throw new ArgumentNullException(nameof(collaborative));

    public ContentModel Content { get; } = content ?? throw new ArgumentNullException(nameof(content));

    public HybridOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Items bought by anyone in the training data.</summary>
    public IReadOnlySet<string> Sold { get; } = sold ?? throw new ArgumentNullException(nameof(sold));

    /// <summary>Up to <paramref name="count"/> items with the reason for each, best first.</summary>
    public IReadOnlyList<RecommendedItem> Recommend(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count) =>
        Recommend(history, exclude, count, Options.BlendFor(history));

    /// <summary>The items alone, as an evaluation reads them.</summary>
    public IReadOnlyList<string> RecommendIds(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count) =>
        [.. Recommend(history, exclude, count).Select(r => r.ItemId)];

    /// <summary>
    /// Both models' candidates. Content is scored only when <paramref name="blend"/> gives it a part, or the customer has
    /// no votes (null: always, as a validation trying every blend needs): on a 100,000-item catalog content costs
    /// milliseconds a customer, collaborative votes a fraction of one.
    /// </summary>
    internal HybridCandidates Candidates(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, Blend? blend = null)
    {
        var votes = Collaborative.Votes(history, exclude, Options.CandidatesPerModel);
        var contentless = votes.Count > 0 && blend is { ContentWeight: 0, UnsoldShare: 0 };
        return new(votes, contentless ? [] : Content.Recommend(history, exclude, Options.CandidatesPerModel), Sold);
    }

    internal IReadOnlyList<RecommendedItem> Recommend(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count, Blend blend)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(exclude);
        return Complete(history, exclude, count, Candidates(history, exclude, blend).Rank(blend, count), explain: true);
    }

    /// <summary>The blended items, explained when asked (an evaluation does not need the reasons), then the fill.</summary>
    internal IReadOnlyList<RecommendedItem> Complete(
        IReadOnlyList<ItemInteraction> history,
        IReadOnlySet<string> exclude,
        int count,
        IReadOnlyList<(string Item, bool FromContent, string? Because)> ranked,
        bool explain)
    {
        var chosen = ranked.Select(r => new RecommendedItem(
            r.Item,
            !explain ? RecommendationReason.Popular
                : r.FromContent ? Content.Explain(history, r.Item) ?? RecommendationReason.Popular
                : new RecommendationReason(RecommendationReasonKind.BoughtTogether, r.Because))).ToList();
        return RecommendationFill.Complete(chosen, Collaborative.Fallback(history), exclude, count);
    }
}
