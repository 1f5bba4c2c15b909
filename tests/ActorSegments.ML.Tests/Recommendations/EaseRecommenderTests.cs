using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Recommendations;
using static ActorSegments.ML.Tests.Recommendations.CoPurchaseGroups;

namespace ActorSegments.ML.Tests.Recommendations;

public sealed class EaseRecommenderTests
{
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();
    private static readonly RecommendationOptions Ease = new() { Method = RecommendationMethod.Ease, EaseRegularization = 10 };

    [Fact]
    public void ItemsBoughtTogether_AreRecommendedBeforeMorePopularOnes()
    {
        var model = new ItemToItemRecommender().Train(Interactions(), Ease);

        var recommended = model.Recommend([Of("me", "g2-a", InteractionKind.Purchase, "cat2")], new HashSet<string> { "g2-a" }, 4);

        Assert.Equal(["g2-b", "g2-c"], recommended.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal(Hits, model.Popular(2));
        Assert.Equal(RecommendationMethod.Ease, ((ItemToItemModel)model).Options.Method);
    }

    [Fact]
    public void AboveTheItemLimit_TheTrainerFallsBackToCosineNeighborsAndSaysSo()
    {
        var items = Interactions().Select(i => i.ItemId).Distinct().Count();
        var limited = Ease with { MaximumEaseItems = items - 1 };

        var fallback = (ItemToItemModel)new ItemToItemRecommender().Train(Interactions(), limited);
        var knn = (ItemToItemModel)new ItemToItemRecommender().Train(Interactions(), limited with { Method = RecommendationMethod.ItemKnn });
        var atLimit = (ItemToItemModel)new ItemToItemRecommender().Train(Interactions(), limited with { MaximumEaseItems = items });

        Assert.Equal(RecommendationMethod.ItemKnn, fallback.Options.Method);
        Assert.Equal(knn.Serialize(), fallback.Serialize());
        Assert.Equal(RecommendationMethod.Ease, atLimit.Options.Method);
        Assert.NotEqual(knn.Serialize(), atLimit.Serialize());
    }

    [Fact]
    public void AnEaseModel_ReadBackFromItsBytesRecommendsTheSameAndKeepsItsSettings()
    {
        var model = (ItemToItemModel)new ItemToItemRecommender().Train(Interactions(), Ease with { NeighborsPerItem = 4, MaximumEaseItems = 77 });

        var copy = ItemToItemModel.Deserialize(model.Serialize());

        IReadOnlyList<ItemInteraction>[] histories =
        [
            [],
            [Of("me", "g0-a", InteractionKind.Purchase)],
            [Of("me", "g1-b", InteractionKind.View), Of("me", "g3-c", InteractionKind.CartAdd, at: 5), Of("me", "solo", InteractionKind.View)],
        ];
        Assert.All(histories, history => Assert.Equal(model.Recommend(history, Nothing, 8), copy.Recommend(history, Nothing, 8)));
        Assert.Equal(model.Options, copy.Options);
        Assert.Equal(model.Serialize(), copy.Serialize());
    }
}
