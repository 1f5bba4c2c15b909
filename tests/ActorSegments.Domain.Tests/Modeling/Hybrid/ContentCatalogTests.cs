using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Hybrid;

namespace ActorSegments.Domain.Tests.Modeling.Hybrid;

public sealed class ContentCatalogTests
{
    private static readonly CatalogItem[] Items = [CatalogItem.Described("old", "red mug"), CatalogItem.Described("later", "red box"), CatalogItem.Described("never", "red lamp")];

    [Fact]
    public void Derived_AtATime_HoldsOnlyItemsSomeInteractionNamedBefore()
    {
        ItemInteraction[] interactions = [new("a", "old", null, InteractionKind.View, 10), new("b", "later", null, InteractionKind.Purchase, 20), new("c", "later", null, InteractionKind.View, 5)];
        var catalog = ContentCatalog.Derived(Items, interactions, ContentOptions.Default);

        Assert.Equal(0, catalog.At(5).Items);
        Assert.Equal(1, catalog.At(6).Items); // "later" was first named at 5, by a view
        Assert.Equal(2, catalog.At(11).Items);
        Assert.Null(catalog.At(11).VectorOf("never"));
        Assert.Same(catalog.At(11), catalog.At(11));
    }

    [Fact]
    public void Loaded_AtAnyTime_IsTheWholeCatalog()
    {
        var catalog = ContentCatalog.Loaded(Items, ContentOptions.Default);

        Assert.Equal(3, catalog.At(0).Items);
        Assert.Same(catalog.At(0), catalog.At(long.MaxValue));
    }
}
