using ActorSegments.Domain.Storage;
using ActorSegments.Postgres.Migrations;
using ActorSegments.Postgres.Segments;
using ActorSegments.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.Postgres.Tests;

public sealed class SegmentDefinitionStoreTests
{
    private static async Task<TestDatabase> MigratedAsync(string name)
    {
        var db = await TestPostgres.CreateDatabaseAsync(name);
        await new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    [Fact]
    public async Task SaveEditDelete_VersionsTheSegmentAndTheWorkspace()
    {
        await using var db = await MigratedAsync("segments_crud");
        var store = new PostgresSegmentDefinitionStore(db.DataSource);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(0, await store.VersionAsync("ws", ct));

        var created = await store.SaveAsync("ws", "vip", "sum(purchase.revenue) >= 1000", expectedVersion: 0, ct);
        var edited = await store.SaveAsync("ws", "vip", "sum(purchase.revenue) >= 2000", expectedVersion: 1, ct);
        await store.SaveAsync("other", "vip", "did(purchase)", null, ct);

        Assert.Equal((1, SegmentStatus.Pending), (created.Version, created.Status));
        Assert.Equal(2, edited.Version);
        var loaded = await store.LoadAsync("ws", ct);
        Assert.Equal(2, loaded.Version);
        Assert.Equal("sum(purchase.revenue) >= 2000", Assert.Single(loaded.Segments).Rule);

        var conflict = await Assert.ThrowsAsync<SegmentVersionConflictException>(() => store.SaveAsync("ws", "vip", "did(purchase)", expectedVersion: 1, ct));
        Assert.Equal(2, conflict.ActualVersion);

        Assert.Equal("sum(purchase.revenue) >= 2000", (await store.FindAsync("ws", "vip", ct))!.Rule);
        Assert.Null(await store.FindAsync("ws", "nope", ct));
        Assert.True(await store.DeleteAsync("ws", "vip", ct));
        Assert.False(await store.DeleteAsync("ws", "vip", ct));
        Assert.Equal(3, await store.VersionAsync("ws", ct));
        Assert.Empty((await store.LoadAsync("ws", ct)).Segments);
        Assert.Single((await store.LoadAsync("other", ct)).Segments);
    }

    [Fact]
    public async Task SetProgress_AppliesOnlyToTheVersionItWasFor()
    {
        await using var db = await MigratedAsync("segments_progress");
        var store = new PostgresSegmentDefinitionStore(db.DataSource);
        var ct = TestContext.Current.CancellationToken;
        await store.SaveAsync("ws", "s", "did(purchase)", null, ct);
        await store.SaveAsync("ws", "s", "did(product_viewed)", null, ct);

        await store.SetProgressAsync("ws", "s", version: 1, SegmentStatus.Live, 10, 10, "z", ct);
        await store.SetProgressAsync("ws", "s", version: 2, SegmentStatus.Backfilling, 3, 10, "c3", ct);

        var segment = Assert.Single((await store.LoadAsync("ws", ct)).Segments);
        Assert.Equal((SegmentStatus.Backfilling, 3L, 10L, "c3"), (segment.Status, segment.BackfillDone, segment.BackfillTotal, segment.BackfillAfter));
    }
}
