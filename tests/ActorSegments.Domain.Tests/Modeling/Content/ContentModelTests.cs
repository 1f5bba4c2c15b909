using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;

namespace ActorSegments.Domain.Tests.Modeling.Content;

public sealed class ContentModelTests
{
    private const long Day = 86_400;

    private static readonly CatalogItem[] Catalog =
    [
        CatalogItem.Described("red-mug", "red mug"),
        CatalogItem.Described("blue-mug", "blue mug"),
        CatalogItem.Described("red-box", "red box"),
        CatalogItem.Described("lamp", "desk lamp"),
    ];

    [Fact]
    public void Profile_PurchaseSixtyDaysBeforeAView_WeighsThreeHalvedAgainstOne()
    {
        // Orthogonal unit vectors, so the profile's coordinates are the interactions' weights:
        // purchase 3 x 0.5^(60 days / 60 days) = 1.5 on the first item, view 1 x 0.5^0 = 1 on the second.
        var vectors = new Dictionary<string, SparseVector> { ["a"] = new([0], [1]), ["b"] = new([1], [1]) };
        ItemInteraction[] history = [Interaction("a", InteractionKind.Purchase, 0), Interaction("b", InteractionKind.View, 60 * Day), Interaction("unknown", InteractionKind.View, 60 * Day)];

        var profile = ContentProfile.Of(history, id => vectors.GetValueOrDefault(id), ContentOptions.Default);

        Assert.Equal(1.5, profile[0], 12);
        Assert.Equal(1.0, profile[1], 12);
        Assert.Equal(2, profile.Count);
    }

    [Fact]
    public void Recommend_AfterBuyingARedMug_SimilarItemsFirstAndTheMugExcluded()
    {
        var model = ContentModel.Train(Catalog, ContentOptions.Default);
        ItemInteraction[] history = [Interaction("red-mug", InteractionKind.Purchase, 0)];

        var recommended = model.Recommend(history, model.Exclusions(history), 10);

        // Sharing "mug" and "red" (same idf) the two others tie and rank by id; the lamp shares nothing.
        Assert.Equal(["blue-mug", "red-box"], recommended.Select(r => r.ItemId));
        Assert.Equal(recommended[0].Score, recommended[1].Score, 12);
    }

    [Fact]
    public void Recommend_RepeatPurchasesCount_BoughtItemComesFirst()
    {
        var model = ContentModel.Train(Catalog, ContentOptions.Default with { RepeatPurchases = true });
        ItemInteraction[] history = [Interaction("red-mug", InteractionKind.Purchase, 0)];

        var recommended = model.Recommend(history, model.Exclusions(history), 1);

        Assert.Equal("red-mug", Assert.Single(recommended).ItemId);
        Assert.Equal(1.0, recommended[0].Score, 12);
    }

    [Fact]
    public void Recommend_SameBrandAndCategory_OutranksTextAlone()
    {
        CatalogItem[] catalog =
        [
            new("a", "", "mug", ["Home", "Kitchen"], "Acme", null, null, []),
            new("b", "", "plate", ["Home", "Kitchen"], "Acme", null, null, []),
            new("c", "", "mug cup", ["Garden"], "Other", null, null, []),
        ];
        var model = ContentModel.Train(catalog, ContentOptions.Default);
        ItemInteraction[] history = [Interaction("a", InteractionKind.View, 0)];

        // A view excludes nothing: the viewed item itself comes first.
        Assert.Equal(["a", "b", "c"], model.Recommend(history, model.Exclusions(history), 10).Select(r => r.ItemId));
    }

    [Fact]
    public void Recommend_ItemNobodyBoughtYet_ReachedThroughItsDescription()
    {
        // "cup" is in the catalog but in nobody's history: a co-purchase model has nothing to say about it.
        CatalogItem[] catalog = [CatalogItem.Described("mug", "RED HEART MUG"), CatalogItem.Described("cup", "RED HEART CUP"), CatalogItem.Described("lamp", "DESK LAMP")];
        var model = ContentModel.Train(catalog, ContentOptions.Default);
        ItemInteraction[] history = [Interaction("mug", InteractionKind.Purchase, 0), Interaction("lamp", InteractionKind.Purchase, -200 * Day)];

        var recommended = model.Recommend(history, model.Exclusions(history), 10);

        Assert.Equal("cup", Assert.Single(recommended).ItemId);
    }

    private static ItemInteraction Interaction(string item, InteractionKind kind, long at) => new("c1", item, null, kind, at);
}
