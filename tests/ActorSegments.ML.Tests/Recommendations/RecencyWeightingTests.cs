using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Recommendations;

namespace ActorSegments.ML.Tests.Recommendations;

public sealed class RecencyWeightingTests
{
    private const long Day = 86_400;

    [Theory]
    [InlineData(RecommendationMethod.ItemKnn)]
    [InlineData(RecommendationMethod.Ease)]
    public void RecentCoPurchases_OutweighMoreNumerousOldOnes(RecommendationMethod method)
    {
        // A year ago 12 customers bought the mug with the old saucer; in the last month 8 bought it with the new one.
        var interactions = Buyers("old", 12, "saucer-old", at: 0).Concat(Buyers("new", 8, "saucer-new", at: 360 * Day)).ToList();
        var options = new RecommendationOptions { Method = method, NeighborsPerItem = 5, EaseRegularization = 1 };
        ItemInteraction[] mugBuyer = [new("me", "mug", null, InteractionKind.Purchase, 365 * Day)];
        var bought = new HashSet<string> { "mug" };

        var plain = new ItemToItemRecommender().Train(interactions, options).Recommend(mugBuyer, bought, 1);
        var recent = new ItemToItemRecommender().Train(interactions, options with { TrainingHalfLifeDays = 60 }).Recommend(mugBuyer, bought, 1);

        Assert.Equal(["saucer-old"], plain);
        Assert.Equal(["saucer-new"], recent);
    }

    [Fact]
    public void AModelTrainedWithAHalfLife_KeepsItInItsBytes()
    {
        var options = new RecommendationOptions { TrainingHalfLifeDays = 120 };
        var model = new ItemToItemRecommender().Train(Buyers("c", 3, "saucer", at: 0).ToList(), options);

        var copy = ItemToItemModel.Deserialize(model.Serialize());

        Assert.Equal(120, copy.Options.TrainingHalfLifeDays);
        Assert.Null(ItemToItemModel.Deserialize(new ItemToItemRecommender().Train(Buyers("c", 3, "saucer", at: 0).ToList(), new RecommendationOptions()).Serialize()).Options.TrainingHalfLifeDays);
    }

    [Fact]
    public void AHalfLifeNotAboveZero_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemToItemRecommender().Train(Buyers("c", 3, "saucer", at: 0).ToList(), new RecommendationOptions { TrainingHalfLifeDays = 0 }));

    private static IEnumerable<ItemInteraction> Buyers(string prefix, int count, string with, long at) =>
        Enumerable.Range(0, count).SelectMany(c => new ItemInteraction[]
        {
            new($"{prefix}{c}", "mug", null, InteractionKind.Purchase, at),
            new($"{prefix}{c}", with, null, InteractionKind.Purchase, at),
        });
}
