using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Tests.Modeling.Hybrid;

/// <summary>A collaborative model with planted votes (each naming the voting item) and a planted popularity fill.</summary>
internal sealed class VotingModel(IReadOnlyList<ItemVote> votes, params string[] popular) : IRecommendationModel
{
    public RecommendationOptions Options { get; } = new();

    public IReadOnlyList<string> Recommend(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count) =>
        [.. RecommendationFill.Complete([.. Votes(history, exclude, count).Select(v => new RecommendedItem(v.ItemId, RecommendationReason.Popular))], Fallback(history), exclude, count).Select(r => r.ItemId)];

    public IReadOnlyList<ItemVote> Votes(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count) =>
        [.. votes.Where(v => !exclude.Contains(v.ItemId) && history.Any(i => i.ItemId == v.Because)).Take(count)];

    public IEnumerable<RecommendedItem> Fallback(IReadOnlyList<ItemInteraction> history) => popular.Select(item => new RecommendedItem(item, RecommendationReason.Popular));

    public IReadOnlyList<string> Popular(int count) => [.. popular.Take(count)];

    public byte[] Serialize() => [1, 2, 3];
}
