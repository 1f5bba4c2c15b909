using ActorSegments.Domain.Modeling;

namespace ActorSegments.Domain.Tests.Modeling.Recommendations;

/// <summary>
/// A trainer whose models recommend a fixed list per neighbor count, to everyone, so which candidate validates best
/// is planted by the test; it records every interaction it was trained on.
/// </summary>
internal sealed class ListTrainer(IReadOnlyDictionary<int, string[]> listsByNeighbors) : IRecommendationTrainer
{
    public List<ItemInteraction> Seen { get; } = [];

    public IRecommendationModel Train(IEnumerable<ItemInteraction> interactions, RecommendationOptions options)
    {
        Seen.AddRange(interactions);
        return new Model(listsByNeighbors.GetValueOrDefault(options.NeighborsPerItem, []));
    }

    private sealed class Model(string[] list) : IRecommendationModel
    {
        public IReadOnlyList<string> Recommend(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count) =>
            [.. list.Where(item => !exclude.Contains(item)).Take(count)];

        public IReadOnlyList<string> Popular(int count) => [];

        public byte[] Serialize() => [];
    }
}
