using ActorSegments.Domain.Catalog;
using Xunit;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="ICatalogStore"/> must do: versioned batches applied whole, removal on delete, id-ordered pages.</summary>
public abstract class CatalogStoreContract<TStorage>
    where TStorage : IStorageFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly CatalogItem Mug = new("mug", "Mug", "White mug", ["Home", "Kitchen"], "Acme", 2.55m, "GBP", ["gift", "white"]);

    [Fact]
    public async Task Upsert_EachBatchBumpsTheVersion_ItemsCarryTheVersionTheyWereWrittenIn()
    {
        await using var storage = await TStorage.StartAsync("catalog_versions");
        var store = storage.Catalog;

        var first = await store.UpsertAsync("w", [Mug, Mug with { Id = "box", Price = null, Currency = null }], 10, Ct);
        var second = await store.UpsertAsync("w", [Mug with { Title = "Large mug" }], 10, Ct);

        Assert.Equal(new CatalogWrite(true, 1, 2, 2), first);
        Assert.Equal(new CatalogWrite(true, 2, 2, 1), second);
        Assert.Equal(Mug with { Title = "Large mug", Version = 2 }, await store.GetAsync("w", "mug", Ct));
        Assert.Equal(Mug with { Id = "box", Price = null, Currency = null, Version = 1 }, await store.GetAsync("w", "box", Ct));
        Assert.Equal(new CatalogInfo(2, 2), await store.InfoAsync("w", Ct));
        Assert.Equal(new CatalogInfo(0, 0), await store.InfoAsync("other", Ct));
    }

    [Fact]
    public async Task Upsert_BeyondTheCatalogLimit_RefusedWholeAndNothingChanged()
    {
        await using var storage = await TStorage.StartAsync("catalog_limit");
        var store = storage.Catalog;
        await store.UpsertAsync("w", [Mug], 2, Ct);

        var refused = await store.UpsertAsync("w", [Mug with { Title = "Changed" }, Mug with { Id = "a" }, Mug with { Id = "b" }], 2, Ct);
        var replacing = await store.UpsertAsync("w", [Mug with { Title = "Changed" }, Mug with { Id = "a" }], 2, Ct);

        Assert.Equal(new CatalogWrite(false, 1, 1, 0), refused);
        Assert.Equal(new CatalogWrite(true, 2, 2, 2), replacing);
        Assert.Null(await store.GetAsync("w", "b", Ct));
    }

    [Fact]
    public async Task Delete_RemovesTheItems_VersionMovesOnlyWhenSomethingWent()
    {
        await using var storage = await TStorage.StartAsync("catalog_delete");
        var store = storage.Catalog;
        await store.UpsertAsync("w", [Mug, Mug with { Id = "box" }], 10, Ct);

        var deleted = await store.DeleteAsync("w", ["mug", "never-there"], Ct);
        var nothing = await store.DeleteAsync("w", ["mug"], Ct);

        Assert.Equal(new CatalogWrite(true, 2, 1, 1), deleted);
        Assert.Equal(new CatalogWrite(true, 2, 1, 0), nothing);
        Assert.Null(await store.GetAsync("w", "mug", Ct));
    }

    [Fact]
    public async Task Upsert_ConcurrentBatches_EachGetsAVersionOfItsOwn()
    {
        await using var storage = await TStorage.StartAsync("catalog_concurrent");
        var store = storage.Catalog;

        var writes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => store.UpsertAsync("w", [Mug with { Id = $"item-{i}" }], 10, Ct), Ct)));
        var versions = new List<long>();
        await foreach (var item in store.ReadAllAsync("w", Ct))
        {
            versions.Add(item.Version);
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], writes.Select(w => w.Version).Order());
        Assert.Equal([1, 2, 3, 4, 5, 6], versions.Order());
        Assert.Equal(new CatalogInfo(6, 6), await store.InfoAsync("w", Ct));
    }

    [Fact]
    public async Task ListAndReadAll_InOrdinalIdOrder_PagesAfterTheLastId()
    {
        await using var storage = await TStorage.StartAsync("catalog_pages");
        var store = storage.Catalog;
        await store.UpsertAsync("w", [Mug with { Id = "b" }, Mug with { Id = "B" }, Mug with { Id = "a" }, Mug with { Id = "c" }], 10, Ct);
        await store.UpsertAsync("v", [Mug with { Id = "z" }], 10, Ct);

        var first = await store.ListAsync("w", null, 2, Ct);
        var second = await store.ListAsync("w", first[^1].Id, 2, Ct);
        var all = new List<string>();
        await foreach (var item in store.ReadAllAsync("w", Ct))
        {
            all.Add(item.Id);
        }

        Assert.Equal(["B", "a"], first.Select(i => i.Id));
        Assert.Equal(["b", "c"], second.Select(i => i.Id));
        Assert.Equal(["B", "a", "b", "c"], all);
    }
}
