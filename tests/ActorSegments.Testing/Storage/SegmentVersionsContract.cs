using Xunit;

namespace ActorSegments.Testing.Storage;

/// <summary>What every segment definition store must keep of a segment's earlier rules.</summary>
public abstract class SegmentVersionsContract<TStorage>
    where TStorage : IStorageFactory
{
    [Fact]
    public async Task ListVersions_EverySaveNewestFirstUntilDeletedThenARecreatedSegmentStartsAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await TStorage.StartAsync("segment_versions");
        await storage.Definitions.SaveAsync("w", "s", "did(purchase)", 0, ct);
        await storage.Definitions.SaveAsync("w", "s", "did(purchase, within 30d)", 1, ct);
        var third = await storage.Definitions.SaveAsync("w", "s", "count(purchase) >= 2", null, ct);
        await storage.Definitions.SaveAsync("w", "other", "did(product_viewed)", 0, ct);
        await storage.Definitions.SaveAsync("w2", "s", "did(cart_added)", 0, ct);

        var versions = await storage.Definitions.ListVersionsAsync("w", "s", ct);
        await storage.Definitions.DeleteAsync("w", "s", ct);
        var afterDelete = await storage.Definitions.ListVersionsAsync("w", "s", ct);
        await storage.Definitions.SaveAsync("w", "s", "did(email_opened)", 0, ct);
        var recreated = await storage.Definitions.ListVersionsAsync("w", "s", ct);

        Assert.Equal([(3, "count(purchase) >= 2"), (2, "did(purchase, within 30d)"), (1, "did(purchase)")], versions.Select(v => (v.Version, v.Rule)));
        Assert.Equal(third.UpdatedAt, versions[0].SavedAt);
        Assert.True(versions[2].SavedAt <= versions[1].SavedAt);
        Assert.Empty(afterDelete);
        Assert.Equal([(1, "did(email_opened)")], recreated.Select(v => (v.Version, v.Rule)));
        Assert.Equal([(1, "did(cart_added)")], (await storage.Definitions.ListVersionsAsync("w2", "s", ct)).Select(v => (v.Version, v.Rule)));
        Assert.Empty(await storage.Definitions.ListVersionsAsync("w", "nobody", ct));
    }
}
