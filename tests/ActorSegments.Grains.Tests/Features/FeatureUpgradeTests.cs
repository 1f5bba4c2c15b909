using ActorSegments.Abstractions.Customers;
using ActorSegments.Abstractions.Features;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Features;
using ActorSegments.Grains.Customers;
using ActorSegments.Grains.Features;
using ActorSegments.Testing;
using ActorSegments.Testing.Storage.Modeling;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Grains.Tests.Features;

/// <summary>After a layout change, customers rewrite their rows of the older layout from their own state, changing nothing else.</summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class FeatureUpgradeTests(ClusterFixture fixture)
{
    private const int OldVersion = CustomerFeatures.Version - 1;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FeatureLayoutUpgrade Upgrade => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<FeatureLayoutUpgrade>();

    [Fact]
    public async Task Upgrade_OldRowsOfCustomersWithState_RewrittenAsTheyWroteThemWithNoEntryOrMembershipChange()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        await fixture.Definitions.SaveAsync(workspace, "viewers", "did(product_viewed)", null, Cancel);
        var at = fixture.Clock.GetUtcNow();
        await Customer(workspace, "c1").TrackAsync([Event("a1", "product_viewed", at)]);
        await Customer(workspace, "c2").TrackAsync([Event("b1", "purchase", at), Event("b2", "email_opened", at)]);
        await Customer(workspace, "c3").TrackAsync([Event("c1", "product_viewed", at), Event("c2", "purchase", at)]);
        await FlushAsync();
        var own = await ModelingSamples.ReadAllAsync(fixture.Features, workspace);
        Assert.Equal(3, own.Count);
        PlantOldRows(workspace, [.. own, new FeatureRow("ghost", own[0].AsOf, new float[own[0].Values.Length])]);
        var entries = Entries(workspace, "c1", "c2", "c3", "ghost");
        var log = fixture.Journal.Log.Count(r => r.WorkspaceId == workspace);
        Assert.Empty(await ModelingSamples.ReadAllAsync(fixture.Features, workspace));

        var result = await Upgrade.RunAsync(workspace, Cancel);
        await FlushAsync();

        Assert.Equal(new FeatureUpgradeResult(3, 1, 0), result);
        var upgraded = await ModelingSamples.ReadAllAsync(fixture.Features, workspace);
        Assert.Equal(own.Select(r => r.CustomerId), upgraded.Select(r => r.CustomerId));
        foreach (var (before, after) in own.Zip(upgraded))
        {
            Assert.Equal(before.AsOf, after.AsOf);
            Assert.Equal(before.Values, after.Values);
        }

        // The customer with no history is left as it was; nobody's journal or memberships moved.
        Assert.Equal(["ghost"], await fixture.Features.ReadStaleAsync(workspace, null, 10, Cancel));
        Assert.Equal(entries, Entries(workspace, "c1", "c2", "c3", "ghost"));
        Assert.Equal(log, fixture.Journal.Log.Count(r => r.WorkspaceId == workspace));
    }

    [Fact]
    public async Task Upgrade_DormantCustomer_WritesWhatAnAwakeTwinWrites()
    {
        using var counts = new WorkspaceCounters(DormancyMetrics.MeterName, FeatureWriter.MeterName);
        var workspace = $"ws-{Guid.NewGuid():N}";
        var at = fixture.Clock.GetUtcNow();
        foreach (var id in new[] { "dormant", "twin" })
        {
            await Customer(workspace, id).TrackAsync([Event($"{id}-1", "product_viewed", at), Event($"{id}-2", "purchase", at)]);
        }

        fixture.Clock.Advance(new CustomerGrainOptions().DormantAfter + TimeSpan.FromSeconds(1));
        await Eventually.ReturnsAsync(() => Task.FromResult(counts.Get("actorsegments.customers.dormant", workspace)), n => n >= 2);
        Assert.NotNull(await Customer(workspace, "twin").GetProfileAsync()); // awake again; the other stays dormant
        await FlushAsync();
        PlantOldRows(workspace, await ModelingSamples.ReadAllAsync(fixture.Features, workspace));
        var entries = Entries(workspace, "dormant", "twin");

        var result = await Upgrade.RunAsync(workspace, Cancel);
        await FlushAsync();

        Assert.Equal(new FeatureUpgradeResult(2, 0, 0), result);
        Assert.Equal(2, counts.Get("actorsegments.customers.awakened", workspace)); // the twin's read, then the upgrade
        Assert.Equal(2, counts.Get("actorsegments.features.upgraded", workspace));
        var rows = (await ModelingSamples.ReadAllAsync(fixture.Features, workspace)).ToDictionary(r => r.CustomerId);
        Assert.Equal(fixture.Clock.GetUtcNow().ToUnixTimeSeconds(), rows["dormant"].AsOf);
        Assert.Equal(rows["twin"].AsOf, rows["dormant"].AsOf);
        Assert.Equal(rows["twin"].Values, rows["dormant"].Values);
        Assert.Equal(entries, Entries(workspace, "dormant", "twin"));
    }

    [Fact]
    public async Task Loop_WorkspaceWithOldRows_StartsItsPassOnce_WhichRewritesThem()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        await Customer(workspace, "c").TrackAsync([Event("e1", "purchase", fixture.Clock.GetUtcNow())]);
        await FlushAsync();
        var own = Assert.Single(await ModelingSamples.ReadAllAsync(fixture.Features, workspace));
        PlantOldRows(workspace, [own]);
        var grain = fixture.Grains.GetGrain<IFeatureUpgradeGrain>(FeatureUpgradeGrainKey.For(workspace));

        Assert.Contains(workspace, await fixture.Features.StaleWorkspacesAsync(Cancel));
        Assert.True(await fixture.Cluster.Silos[1].ServiceProvider.GetRequiredService<FeatureUpgradeLoop>().StartStaleAsync(Cancel) >= 1);
        await Eventually.ReturnsAsync(grain.RunningAsync, running => !running);
        await FlushAsync();

        Assert.DoesNotContain(workspace, await fixture.Features.StaleWorkspacesAsync(Cancel));
        var upgraded = Assert.Single(await ModelingSamples.ReadAllAsync(fixture.Features, workspace));
        Assert.Equal(own.Values, upgraded.Values);
    }

    private ICustomerGrain Customer(string workspace, string id) => fixture.Grains.GetCustomer(workspace, id);

    /// <summary>Rows as a silo of the previous layout would have stored them (its shorter rows: the values a layout change appended cut off).</summary>
    private void PlantOldRows(string workspace, IEnumerable<FeatureRow> rows) =>
        fixture.Features.UpsertInLayout(workspace, rows.Select(r => r with { Values = r.Values[..(r.Values.Length / 2)] }), OldVersion);

    private List<int> Entries(string workspace, params string[] customers) => [.. customers.Select(c => fixture.Journal.Entries(workspace, c).Count)];

    /// <summary>Writes every silo's pending rows: customers live on either silo.</summary>
    private async Task FlushAsync()
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            await silo.ServiceProvider.GetRequiredService<FeatureWriter>().FlushAsync(Cancel);
        }
    }

    private static CustomerEvent Event(string id, string type, DateTimeOffset at) => new(id, type, at, CustomerEvent.NoProperties);
}
