using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Grains.Customers;
using ActorSegments.Testing;

namespace ActorSegments.Grains.Tests;

/// <summary>An idle customer keeps only its serialized state, and nothing about it changes but memory.</summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class DormancyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AnIdleCustomer_GoesDormantAndWakesWithTheSameStateAndTheSameRecentIds()
    {
        using var counts = new WorkspaceCounters(DormancyMetrics.MeterName);
        var workspace = $"ws-{Guid.NewGuid():N}";
        await fixture.Definitions.SaveAsync(workspace, "viewers", "did(product_viewed)", null, TestContext.Current.CancellationToken);
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspace, "c1"));
        var at = fixture.Clock.GetUtcNow();
        await customer.TrackAsync([Event("e1", "product_viewed", at), Event("e2", "purchase", at)]);
        var before = (await customer.GetProfileAsync())!;

        fixture.Clock.Advance(new CustomerGrainOptions().DormantAfter + TimeSpan.FromSeconds(1));
        await Eventually.ReturnsAsync(() => Task.FromResult(counts.Get("actorsegments.customers.dormant", workspace)), n => n >= 1);
        var retry = await customer.TrackAsync([Event("e2", "purchase", at)]);
        var after = (await customer.GetProfileAsync())!;

        Assert.Equal(1, counts.Get("actorsegments.customers.awakened", workspace));
        Assert.Equal(new TrackResult(0, 1), retry);
        Assert.Equal(before.TotalEvents, after.TotalEvents);
        Assert.Equal(before.EventTypes, after.EventTypes);
        Assert.Equal(before.Rfm, after.Rfm);
        Assert.Equal(before.Segments, after.Segments);
        Assert.Equal(before.LifecycleHistory, after.LifecycleHistory);
    }

    [Fact]
    public async Task GoingDormant_StoresTheSnapshotOfACustomerWithEnoughUnsnapshottedEventsAndOnlyThen()
    {
        using var counts = new WorkspaceCounters(DormancyMetrics.MeterName);
        var workspace = $"ws-{Guid.NewGuid():N}";
        var busy = fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspace, "busy"));
        var quiet = fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspace, "quiet"));
        var at = fixture.Clock.GetUtcNow();

        // The fixture snapshots after a single unsnapshotted event; the quiet customer is only looked at.
        await busy.TrackAsync([Event("b1", "product_viewed", at), Event("b2", "product_viewed", at)]);
        Assert.Null(await quiet.GetProfileAsync());

        fixture.Clock.Advance(new CustomerGrainOptions().DormantAfter + TimeSpan.FromSeconds(1));
        await Eventually.ReturnsAsync(() => Task.FromResult(counts.Get("actorsegments.customers.dormant", workspace)), n => n >= 2);

        // Both are dormant; only the one with unsnapshotted events needed a write.
        Assert.Equal(1, await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Journal.SnapshotWrites(workspace, "busy")), n => n >= 1));
        Assert.Equal(0, fixture.Journal.SnapshotWrites(workspace, "quiet"));
    }

    [Fact]
    public async Task ACustomerWokenByARead_GoesDormantAgainAlthoughItsNextDeadlineIsDaysAway()
    {
        using var counts = new WorkspaceCounters(DormancyMetrics.MeterName);
        var workspace = $"ws-{Guid.NewGuid():N}";
        await fixture.Definitions.SaveAsync(workspace, "week-viewers", "did(product_viewed, within 7d)", null, TestContext.Current.CancellationToken);
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspace, "reader"));
        await customer.TrackAsync([Event("v1", "product_viewed", fixture.Clock.GetUtcNow())]);
        var idle = new CustomerGrainOptions().DormantAfter + TimeSpan.FromSeconds(1);

        fixture.Clock.Advance(idle);
        await Eventually.ReturnsAsync(() => Task.FromResult(counts.Get("actorsegments.customers.dormant", workspace)), n => n >= 1);
        Assert.NotNull(await customer.GetProfileAsync()); // a read only: it commits nothing
        Assert.Equal(1, counts.Get("actorsegments.customers.awakened", workspace));

        // Its timer was set for the window's end, a week away; the read must bring the dormancy time back in front.
        fixture.Clock.Advance(idle);
        Assert.Equal(2, await Eventually.ReturnsAsync(() => Task.FromResult(counts.Get("actorsegments.customers.dormant", workspace)), n => n >= 2));
    }

    private static CustomerEvent Event(string id, string type, DateTimeOffset at) => new(id, type, at, CustomerEvent.NoProperties);
}
