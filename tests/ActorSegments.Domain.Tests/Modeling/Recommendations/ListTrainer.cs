using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Tests.Modeling.Recommendations;

/// <summary>
/// A trainer whose models recommend a fixed list per neighbor count (item-kNN) or per λ (EASE), to everyone, so
/// which candidate validates best is planted by the test; it records every interaction and every setting it was
/// trained with.
/// </summary>
internal sealed class ListTrainer(IReadOnlyDictionary<int, string[]> listsByNeighbors, IReadOnlyDictionary<double, string[]>? listsByLambda = null) : IRecommendationTrainer
{
    public List<ItemInteraction> Seen { get; } = [];

    public List<RecommendationOptions> Trained { get; } = [];

    public IRecommendationModel Train(IEnumerable<ItemInteraction> interactions, RecommendationOptions options)
    {
        Seen.AddRange(interactions);
        Trained.Add(options);
        return new Model(options, options.Method == RecommendationMethod.Ease
            ? listsByLambda?.GetValueOrDefault(options.EaseRegularization, []) ?? []
            : listsByNeighbors.GetValueOrDefault(options.NeighborsPerItem, []));
    }

    private sealed class Model(RecommendationOptions options, string[] list) : IRecommendationModel
    {
        public RecommendationOptions Options => options;

        public IReadOnlyList<string> Recommend(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count) =>
            [.. list.Where(item => !exclude.Contains(item)).Take(count)];

        public IReadOnlyList<ItemVote> Votes(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count) =>
            [.. list.Where(item => !exclude.Contains(item)).Take(count).Select((item, rank) => new ItemVote(item, list.Length - rank, history[0].ItemId))];

        public IEnumerable<RecommendedItem> Fallback(IReadOnlyList<ItemInteraction> history) => [];

        public IReadOnlyList<string> Popular(int count) => [];

        public byte[] Serialize() => [];
    }
}
