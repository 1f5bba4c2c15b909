using ActorSegments.Domain.Features;
using Xunit;

namespace ActorSegments.Testing.Storage.Modeling;

/// <summary>What every <see cref="Domain.Storage.IFeatureStore"/> must do.</summary>
public abstract class FeatureStoreContract<TStorage>
    where TStorage : IModelingStorageFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upsert_ThenReadAll_ReturnsExactValuesInOrdinalCustomerOrder()
    {
        await using var storage = await TStorage.StartAsync("features_roundtrip");
        FeatureRow[] rows = [ModelingSamples.Row("b-1", 10, 0.1f), ModelingSamples.Row("B", 11, 2.5f), ModelingSamples.Row("é", 12, -7f), ModelingSamples.Row("a", 13, 3f), ModelingSamples.Row("Z", 14, 1e10f)];

        await storage.Features.UpsertAsync("w", rows, Cancel);
        var read = await ModelingSamples.ReadAllAsync(storage.Features, "w");

        Assert.Equal(["B", "Z", "a", "b-1", "é"], read.Select(r => r.CustomerId));
        foreach (var row in read)
        {
            var written = rows.Single(r => r.CustomerId == row.CustomerId);
            Assert.Equal(written.AsOf, row.AsOf);
            Assert.Equal(written.Values.Select(BitConverter.SingleToInt32Bits), row.Values.Select(BitConverter.SingleToInt32Bits));
        }

        Assert.Equal(5, await storage.Features.CountAsync("w", Cancel));
    }

    [Fact]
    public async Task Upsert_OlderRow_DoesNotReplaceNewerOne()
    {
        await using var storage = await TStorage.StartAsync("features_older");
        await storage.Features.UpsertAsync("w", [ModelingSamples.Row("c1", 200, 1f), ModelingSamples.Row("c2", 200, 1f)], Cancel);

        await storage.Features.UpsertAsync("w", [ModelingSamples.Row("c1", 100, 2f), ModelingSamples.Row("c2", 200, 3f)], Cancel);
        var read = await ModelingSamples.ReadAllAsync(storage.Features, "w");

        Assert.Equal((200L, 1f), (read[0].AsOf, read[0].Values[0]));
        Assert.Equal((200L, 3f), (read[1].AsOf, read[1].Values[0])); // as new as the stored one: replaces it
    }

    [Fact]
    public async Task Upsert_CustomerTwiceInOneBatch_KeepsTheNewest()
    {
        await using var storage = await TStorage.StartAsync("features_twice");

        await storage.Features.UpsertAsync("w", [ModelingSamples.Row("c", 5, 5f), ModelingSamples.Row("c", 9, 9f), ModelingSamples.Row("c", 7, 7f)], Cancel);
        var read = Assert.Single(await ModelingSamples.ReadAllAsync(storage.Features, "w"));

        Assert.Equal((9L, 9f), (read.AsOf, read.Values[0]));
    }

    [Fact]
    public async Task ReadAll_OnlyThatWorkspace()
    {
        await using var storage = await TStorage.StartAsync("features_workspaces");
        await storage.Features.UpsertAsync("w1", [ModelingSamples.Row("c1", 1, 1f), ModelingSamples.Row("c2", 1, 1f)], Cancel);
        await storage.Features.UpsertAsync("w2", [ModelingSamples.Row("c1", 2, 2f)], Cancel);

        Assert.Equal([(1L, 1f), (1L, 1f)], (await ModelingSamples.ReadAllAsync(storage.Features, "w1")).Select(r => (r.AsOf, r.Values[0])));
        Assert.Equal([(2L, 2f)], (await ModelingSamples.ReadAllAsync(storage.Features, "w2")).Select(r => (r.AsOf, r.Values[0])));
        Assert.Empty(await ModelingSamples.ReadAllAsync(storage.Features, "w3"));
        Assert.Equal((2, 1, 0), (await storage.Features.CountAsync("w1", Cancel), await storage.Features.CountAsync("w2", Cancel), await storage.Features.CountAsync("w3", Cancel)));
    }

    [Fact]
    public async Task Upsert_CallerChangesItsArrayAfterwards_StoredRowUnchanged()
    {
        await using var storage = await TStorage.StartAsync("features_copy");
        var row = ModelingSamples.Row("c", 1, 1f);
        await storage.Features.UpsertAsync("w", [row], Cancel);

        row.Values[0] = 99f;
        (await ModelingSamples.ReadAllAsync(storage.Features, "w"))[0].Values[0] = 98f;

        Assert.Equal(1f, (await ModelingSamples.ReadAllAsync(storage.Features, "w"))[0].Values[0]);
    }

    [Fact]
    public async Task ReadStale_RowsOfOlderLayouts_PagedInOrdinalCustomerOrder()
    {
        await using var storage = await TStorage.StartAsync("features_stale");
        const int current = CustomerFeatures.Version;
        await storage.UpsertFeaturesInLayout("w", [ModelingSamples.Row("a", 1, 1f), ModelingSamples.Row("B", 1, 1f), ModelingSamples.Row("é", 1, 1f)], current - 1);
        await storage.UpsertFeaturesInLayout("w", [ModelingSamples.Row("z", 1, 1f)], current - 2);
        await storage.UpsertFeaturesInLayout("w", [ModelingSamples.Row("newer", 1, 1f)], current + 1); // a newer silo's: not stale
        await storage.Features.UpsertAsync("w", [ModelingSamples.Row("c", 1, 1f)], Cancel);
        await storage.UpsertFeaturesInLayout("w2", [ModelingSamples.Row("a", 1, 1f)], current - 1);

        var first = await storage.Features.ReadStaleAsync("w", null, 2, Cancel);
        var second = await storage.Features.ReadStaleAsync("w", first[^1], 2, Cancel);
        var last = await storage.Features.ReadStaleAsync("w", second[^1], 2, Cancel);

        Assert.Equal(["B", "a"], first);
        Assert.Equal(["z", "é"], second);
        Assert.Empty(last);
        Assert.Equal(["w", "w2"], await storage.Features.StaleWorkspacesAsync(Cancel));
        Assert.Empty(await storage.Features.ReadStaleAsync("w3", null, 10, Cancel));
    }

    [Fact]
    public async Task ReadStale_RowRewrittenInTheCurrentLayout_IsNoLongerStale()
    {
        await using var storage = await TStorage.StartAsync("features_stale_rewritten");
        await storage.UpsertFeaturesInLayout("w", [ModelingSamples.Row("a", 10, 1f), ModelingSamples.Row("b", 10, 1f)], CustomerFeatures.Version - 1);
        await storage.UpsertFeaturesInLayout("w2", [ModelingSamples.Row("a", 10, 1f)], CustomerFeatures.Version - 1);

        await storage.Features.UpsertAsync("w", [ModelingSamples.Row("a", 10, 2f), ModelingSamples.Row("b", 11, 3f)], Cancel);
        await storage.Features.UpsertAsync("w2", [ModelingSamples.Row("a", 9, 4f)], Cancel); // older than the stored row: ignored

        Assert.Empty(await storage.Features.ReadStaleAsync("w", null, 10, Cancel));
        Assert.Equal([(10L, 2f), (11L, 3f)], (await ModelingSamples.ReadAllAsync(storage.Features, "w")).Select(r => (r.AsOf, r.Values[0])));
        Assert.Equal(["w2"], await storage.Features.StaleWorkspacesAsync(Cancel));
    }
}
