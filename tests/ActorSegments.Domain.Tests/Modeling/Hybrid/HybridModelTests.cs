using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Hybrid;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Tests.Modeling.Hybrid;

public sealed class HybridModelTests
{
    private static readonly CatalogItem[] Catalog =
    [
        CatalogItem.Described("red-mug", "red mug"),
        CatalogItem.Described("blue-mug", "blue mug"),
        CatalogItem.Described("red-box", "red box"),
        CatalogItem.Described("new-red-mug", "red mug large"),
        CatalogItem.Described("lamp", "desk lamp"),
        CatalogItem.Described("shade", "lamp shade"),
        CatalogItem.Described("plate", "dinner plate"),
    ];

    // Customers who bought the red mug also bought the lamp and, less often, the plate.
    private static readonly ItemVote[] Votes = [new("lamp", 3, "red-mug"), new("plate", 1, "red-mug")];

    private static readonly HashSet<string> Sold = ["red-mug", "blue-mug", "red-box", "lamp", "shade", "plate"];

    [Fact]
    public void Recommend_WithoutContentWeight_IsTheCollaborativeOrderThenItsFill()
    {
        var model = Model(new Blend(0, 0));

        var recommended = model.Recommend(TwoOrders(), Bought(), 4);

        Assert.Equal(["lamp", "plate", "shade", "blue-mug"], recommended.Select(r => r.ItemId));
        Assert.Equal(new RecommendationReason(RecommendationReasonKind.BoughtTogether, "red-mug"), recommended[0].Reason);
        Assert.Equal(RecommendationReason.Popular, recommended[2].Reason);
        Assert.Equal(model.Collaborative.Recommend(TwoOrders(), Bought(), 4), model.RecommendIds(TwoOrders(), Bought(), 4));
    }

    [Fact]
    public void Recommend_ContentOnly_RanksBySimilarityAndSaysToWhat()
    {
        var recommended = Model(new Blend(1, 0)).Recommend(TwoOrders(), Bought(), 2);

        // Both share "red" or "mug" with the red mug bought; the unsold large red mug shares both.
        Assert.Equal(["new-red-mug", "blue-mug"], recommended.Select(r => r.ItemId));
        Assert.Equal(new RecommendationReason(RecommendationReasonKind.SimilarTo, "red-mug", InteractionKind.Purchase), recommended[0].Reason);
    }

    [Fact]
    public void Recommend_UnsoldShare_LiftsAnItemNobodyBoughtAboveAWeakVote()
    {
        // By rank: lamp 1 and plate 10/11 from votes; the unsold large red mug 1 from content. At content weight 0.1:
        // lamp 0.9, plate 0.82, the large red mug 0.1 alone, or 0.1 + 0.9 x 1 = 1 with its content as collaborative part.
        var alone = Model(new Blend(0.1, 0)).RecommendIds(TwoOrders(), Bought(), 3);
        var lifted = Model(new Blend(0.1, 1)).RecommendIds(TwoOrders(), Bought(), 3);

        Assert.Equal(["lamp", "plate", "new-red-mug"], alone);
        Assert.Equal(["new-red-mug", "lamp", "plate"], lifted);
    }

    [Fact]
    public void Recommend_CustomerWithOneOrder_GetsTheThinBlend()
    {
        var model = new HybridModel(new VotingModel(Votes, "shade"), ContentModel.Train(Catalog, ContentOptions.Default), new HybridOptions { Repeat = new Blend(0, 0), Thin = new Blend(1, 0) }, Sold);
        ItemInteraction[] oneOrder = [Purchase("red-mug", 10), Purchase("red-box", 10)];

        Assert.Equal("new-red-mug", model.RecommendIds(oneOrder, Bought(), 1)[0]);
        Assert.Equal("lamp", model.RecommendIds(TwoOrders(), Bought(), 1)[0]);
    }

    [Fact]
    public void Recommend_NoCollaborativeVotes_FallsBackToContent()
    {
        // Only the lamp was bought: no planted vote comes from it, so content serves this customer at any weight.
        ItemInteraction[] boughtLamp = [Purchase("lamp", 5)];

        var recommended = Model(new Blend(0, 0)).Recommend(boughtLamp, new HashSet<string> { "lamp" }, 1);

        Assert.Equal(new RecommendedItem("shade", new RecommendationReason(RecommendationReasonKind.SimilarTo, "lamp", InteractionKind.Purchase)), Assert.Single(recommended));
    }

    [Fact]
    public void Recommend_NeverAnItemTheCustomerBought()
    {
        foreach (var blend in HybridSelection.Blends)
        {
            var recommended = Model(blend).RecommendIds(TwoOrders(), Bought(), Catalog.Length);

            Assert.DoesNotContain("red-mug", recommended);
            Assert.DoesNotContain("red-box", recommended);
        }
    }

    private static HybridModel Model(Blend blend) =>
        new(new VotingModel(Votes, "shade", "red-mug", "blue-mug"), ContentModel.Train(Catalog, ContentOptions.Default), new HybridOptions { Repeat = blend, Thin = blend }, Sold);

    private static ItemInteraction[] TwoOrders() => [Purchase("red-mug", 10), Purchase("red-box", 20)];

    private static HashSet<string> Bought() => ["red-mug", "red-box"];

    private static ItemInteraction Purchase(string item, long at) => new("c", item, null, InteractionKind.Purchase, at);
}
