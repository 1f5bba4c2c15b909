using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Modeling.Hybrid;

/// <summary>
/// Both models' proposals for one customer, each scored by its rank in its own list: c / (c + rank), rank from 0, with
/// c = <see cref="RankOffset"/>, so each model's best scores 1 (reciprocal rank fusion). A vote sum and a cosine are on
/// no common scale, and scaling each by the customer's best candidate let one far-ahead candidate flatten the rest of
/// its list. Computed once and blended at any weight, so a validation tries every weight for the price of one scoring.
/// </summary>
internal sealed class HybridCandidates
{
    /// <summary>How fast a list's scores fall with rank: the 11th candidate scores half of the first.</summary>
    public const double RankOffset = 10;

    private readonly List<(string Item, double Collaborative, double Content, string? Because, bool Unsold)> _candidates = [];

    /// <param name="votes">The collaborative model's candidates.</param>
    /// <param name="similar">The content model's candidates.</param>
    /// <param name="sold">Items bought by anyone in the training data; the others have no co-purchases to be voted by.</param>
    public HybridCandidates(IReadOnlyList<ItemVote> votes, IReadOnlyList<ScoredItem> similar, IReadOnlySet<string> sold)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var vote in votes)
        {
            positions[vote.ItemId] = _candidates.Count;
            _candidates.Add((vote.ItemId, RankOffset / (RankOffset + _candidates.Count), 0, vote.Because, false));
        }

        var rank = 0;
        foreach (var item in similar)
        {
            var content = RankOffset / (RankOffset + rank++);
            if (positions.TryGetValue(item.ItemId, out var at))
            {
                _candidates[at] = _candidates[at] with { Content = content };
            }
            else
            {
                _candidates.Add((item.ItemId, 0, content, null, !sold.Contains(item.ItemId)));
            }
        }

        HasVotes = votes.Count > 0;
    }

    /// <summary>Whether collaborative filtering had anything to say; a customer without votes is served by content alone.</summary>
    public bool HasVotes { get; }

    /// <summary>
    /// Up to <paramref name="count"/> candidates by the blend's score, best first; ties keep the collaborative order,
    /// then the content order. Each says whether content gave more of its score (always for an unsold item), and the
    /// voting item when collaborative filtering did.
    /// </summary>
    public IReadOnlyList<(string Item, bool FromContent, string? Because)> Rank(Blend blend, int count)
    {
        var w = HasVotes ? blend.ContentWeight : 1;
        return [.. _candidates
            .Select((c, order) => (c, order, Collaborative: c.Unsold ? blend.UnsoldShare * c.Content : c.Collaborative))
            .Select(x => (x.c, x.order, x.Collaborative, Score: ((1 - w) * x.Collaborative) + (w * x.c.Content)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.order)
            .Take(count)
            .Select(x => (x.c.Item, x.c.Unsold || (w * x.c.Content) > ((1 - w) * x.Collaborative), x.c.Because))];
    }
}
