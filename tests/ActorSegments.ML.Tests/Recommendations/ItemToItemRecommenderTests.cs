using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.ML.Recommendations;
using static ActorSegments.ML.Tests.Recommendations.CoPurchaseGroups;

namespace ActorSegments.ML.Tests.Recommendations;

public sealed class ItemToItemRecommenderTests
{
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();
    private static readonly Lazy<IRecommendationModel> Model = new(() => new ItemToItemRecommender().Train(Interactions(), new RecommendationOptions()));

    [Fact]
    public void ItemsBoughtTogether_AreRecommendedBeforeMorePopularUnrelatedOnes()
    {
        var history = new[] { Of("me", "g0-a", InteractionKind.Purchase, "cat0") };

        var recommended = Model.Value.Recommend(history, new HashSet<string> { "g0-a" }, 4);

        Assert.Equal(["g0-b", "g0-c"], recommended.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal(Hits, recommended.Skip(2));
        Assert.Equal(Hits, Model.Value.Popular(2));
    }

    [Fact]
    public void Votes_NameTheCustomersItemThatVotedMost()
    {
        // Group 0 and group 2 are co-purchase groups: a group-0 purchase votes for group 0 only, the cart add for group 2.
        var history = new[] { Of("me", "g0-a", InteractionKind.Purchase, "cat0"), Of("me", "g2-a", InteractionKind.CartAdd, "cat2") };

        var votes = Model.Value.Votes(history, new HashSet<string> { "g0-a", "g2-a" }, 10);

        // (Some group members also viewed a hit, so the hit gets a vote too.)
        var grouped = votes.Where(v => v.ItemId.StartsWith('g')).ToList();
        Assert.Equal(["g0-b", "g0-c", "g2-b", "g2-c"], grouped.Select(v => v.ItemId).Order(StringComparer.Ordinal));
        Assert.All(grouped, v => Assert.Equal(v.ItemId[..2] == "g0" ? "g0-a" : "g2-a", v.Because));
        Assert.Equal(votes.Select(v => v.ItemId), Model.Value.Recommend(history, new HashSet<string> { "g0-a", "g2-a" }, votes.Count));
        // The purchase weighs more than the cart add: its group's items come first.
        Assert.All(votes.Take(2), v => Assert.Equal("g0-a", v.Because));
    }

    [Fact]
    public void Fallback_IsThePopularItemsOfTheCustomersCategoriesThenThePopularOnes()
    {
        var fallback = Model.Value.Fallback([Of("me", "g1-a", InteractionKind.View, "cat1")]).ToList();

        Assert.Equal(RecommendationReasonKind.PopularInCategory, fallback[0].Reason.Kind);
        Assert.Equal("cat1", fallback[0].Reason.Anchor);
        Assert.Equal(Model.Value.Popular(1000), fallback.SkipWhile(f => f.Reason.Kind == RecommendationReasonKind.PopularInCategory).Select(f => f.ItemId));
    }

    [Fact]
    public void ExcludedItems_NeverAppearEvenWhenEveryItemIsAskedFor()
    {
        var history = new[] { Of("me", "g0-a", InteractionKind.View), Of("me", "g2-b", InteractionKind.CartAdd) };
        var exclude = new HashSet<string> { "g0-b", "hit-1", "g2-a", "g2-c" };

        var recommended = Model.Value.Recommend(history, exclude, 100);

        Assert.Empty(recommended.Intersect(exclude));
        Assert.Equal(Model.Value.Popular(100).Except(exclude).Order(StringComparer.Ordinal), recommended.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ACustomerWithoutHistory_GetsThePopularItems()
    {
        Assert.Equal(Model.Value.Popular(5), Model.Value.Recommend([], Nothing, 5));
        Assert.Equal(Hits, Model.Value.Popular(5).Take(2));
    }

    [Fact]
    public void ItemsWithoutNeighbors_FallBackToThePopularItemsOfTheirCategory()
    {
        // "solo" was seen once, so it has no neighbors; "new-item" is unknown to the model but its category is given.
        var solo = Model.Value.Recommend([Of("me", "solo", InteractionKind.View)], Nothing, 5);
        var unknown = Model.Value.Recommend([Of("me", "new-item", InteractionKind.View, "cat3")], Nothing, 4);

        Assert.Equal(["g1-a", "g1-b", "g1-c", "solo"], solo.Take(4).Order(StringComparer.Ordinal));
        Assert.Equal("hit-1", solo[4]);
        Assert.Equal(["g3-a", "g3-b", "g3-c"], unknown.Take(3).Order(StringComparer.Ordinal));
        Assert.Equal("hit-1", unknown[3]);
    }

    [Fact]
    public void Popularity_CountsBuyersFirstThenAnyoneWhoTouchedTheItem()
    {
        var model = new ItemToItemRecommender().Train(
            [
                Of("c1", "bought-twice", InteractionKind.Purchase), Of("c2", "bought-twice", InteractionKind.Purchase),
                Of("c3", "bought-once", InteractionKind.Purchase), Of("c3", "bought-once", InteractionKind.Purchase),
                .. Enumerable.Range(0, 5).Select(c => Of($"v{c}", "viewed-often", InteractionKind.View)),
                Of("c4", "carted", InteractionKind.CartAdd),
            ],
            new RecommendationOptions());

        Assert.Equal(["bought-twice", "bought-once", "viewed-often", "carted"], model.Popular(10));
    }

    [Fact]
    public void AModel_ReadBackFromItsBytesRecommendsTheSame()
    {
        var bytes = Model.Value.Serialize();

        var copy = ItemToItemModel.Deserialize(bytes);

        IReadOnlyList<ItemInteraction>[] histories =
        [
            [],
            [Of("me", "g0-a", InteractionKind.Purchase)],
            [Of("me", "g1-b", InteractionKind.View), Of("me", "g3-c", InteractionKind.CartAdd, at: 5), Of("me", "solo", InteractionKind.View)],
        ];
        Assert.All(histories, history => Assert.Equal(Model.Value.Recommend(history, Nothing, 8), copy.Recommend(history, Nothing, 8)));
        Assert.Equal(Model.Value.Popular(20), copy.Popular(20));
        Assert.Equal(bytes, copy.Serialize());
    }

    [Fact]
    public void BytesThatAreNotAModel_AreRefused()
    {
        var bytes = Model.Value.Serialize();

        Assert.Throws<InvalidDataException>(() => ItemToItemModel.Deserialize([1, 2, 3, 4, 5]));
        Assert.Throws<InvalidDataException>(() => ItemToItemModel.Deserialize(bytes[..(bytes.Length / 2)]));
    }
}
