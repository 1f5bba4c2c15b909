using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Recommendations;
using static ActorSegments.ML.Tests.Recommendations.CoPurchaseGroups;

namespace ActorSegments.ML.Tests.Recommendations;

public sealed class RecommendationEvaluationTests
{
    [Fact]
    public void PrecisionAndRecallAtK_AreAveragedOverCustomersWithNewPurchasesAfterTheSplit()
    {
        ItemInteraction[] all =
        [
            Of("c1", "X", InteractionKind.Purchase, at: 10), Of("c1", "Y", InteractionKind.View, at: 20),
            Of("c1", "Y", InteractionKind.Purchase, at: 110), Of("c1", "Z", InteractionKind.Purchase, at: 120), Of("c1", "X", InteractionKind.Purchase, at: 130),
            Of("c2", "W", InteractionKind.View, at: 30), Of("c2", "W", InteractionKind.Purchase, at: 140),
            Of("c3", "X", InteractionKind.Purchase, at: 40), Of("c3", "X", InteractionKind.Purchase, at: 150), // nothing new: not evaluated
            Of("c4", "Y", InteractionKind.Purchase, at: 160), // no history before the split: not evaluated
            Of("c5", "Y", InteractionKind.View, at: 50), Of("c5", "Z", InteractionKind.View, at: 170), // no purchase after: not evaluated
        ];
        var trainer = new ScriptedTrainer(new Dictionary<string, string[]> { ["c1"] = ["Z", "Y"], ["c2"] = ["Q", "R"] }, popular: ["W", "X", "Y", "Q"]);

        var result = RecommendationEvaluation.Evaluate(all, splitTime: 100, k: 2, trainer, new RecommendationOptions());

        Assert.Equal(5, trainer.Trained);
        Assert.Equal(["X"], trainer.Excluded["c1"]);
        Assert.Empty(trainer.Excluded["c2"]);
        // Model: c1 hits Y and Z of {Y, Z} (precision 1, recall 1), c2 hits nothing of {W}.
        Assert.Equal(new RecommendationQuality(2, 0.5, 0.5), result.Model);
        // Popularity: c1 gets [W, Y] (X was bought): precision 1/2, recall 1/2; c2 gets [W, X]: precision 1/2, recall 1.
        Assert.Equal(new RecommendationQuality(2, 0.5, 0.75), result.Popularity);
        Assert.Equal(2, result.K);
    }

    [Fact]
    public void ItemToItem_BeatsPopularityOnPlantedCoPurchases()
    {
        // Before the split customers bought one item of their group; after it, the rest.
        var all = Interactions().Select(i => i.CustomerId.StartsWith('g') && !i.ItemId.EndsWith("-a", StringComparison.Ordinal) && i.CustomerId.EndsWith('7') ? i with { At = 1_000 } : i).ToList();

        var result = RecommendationEvaluation.Evaluate(all, splitTime: 500, k: 2, new ItemToItemRecommender(), new RecommendationOptions());

        Assert.True(result.Model.Customers > 0);
        Assert.True(result.Model.RecallAtK > result.Popularity.RecallAtK, $"{result.Model} against {result.Popularity}");
    }

    private sealed class ScriptedTrainer(Dictionary<string, string[]> lists, string[] popular) : IRecommendationTrainer, IRecommendationModel
    {
        public int Trained { get; private set; }

        public Dictionary<string, string[]> Excluded { get; } = [];

        public RecommendationOptions Options { get; private set; } = new();

        public IRecommendationModel Train(IEnumerable<ItemInteraction> interactions, RecommendationOptions options)
        {
            (Trained, Options) = (interactions.Count(), options);
            return this;
        }

        public IReadOnlyList<string> Recommend(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count)
        {
            Excluded[history[0].CustomerId] = [.. exclude];
            return lists[history[0].CustomerId].Take(count).ToList();
        }

        public IReadOnlyList<string> Popular(int count) => popular.Take(count).ToList();

        public IReadOnlyList<ItemVote> Votes(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count) => throw new NotSupportedException();

        public IEnumerable<RecommendedItem> Fallback(IReadOnlyList<ItemInteraction> history) => throw new NotSupportedException();

        public byte[] Serialize() => [];
    }
}
