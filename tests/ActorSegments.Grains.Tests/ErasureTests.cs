using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Privacy;
using ActorSegments.Domain.Segments;
using ActorSegments.Grains.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Grains.Tests;

/// <summary>Erasing a customer through its grain (docs/privacy.md), on the in-memory storage.</summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class ErasureTests(ClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Dated now on the shared clock, which other tests (and the redaction test here) move on.
    private CustomerEvent Event(string id, string type) => new(id, type, fixture.Clock.GetUtcNow(), CustomerEvent.NoProperties);

    private ICustomerGrain Grain(string workspace, string customer) => fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspace, customer));

    /// <summary>A new workspace with two segments, and a customer in both (its wake-up stored, a deadline pending).</summary>
    private async Task<(string Workspace, string Customer)> BuyerAsync()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        await fixture.Definitions.SaveAsync(workspace, "buyers", "did(purchase)", null, Ct);
        await fixture.Definitions.SaveAsync(workspace, "recent-viewers", "did(product_viewed, within 48h)", null, Ct);
        var customer = $"c-{Guid.NewGuid():N}";
        await Grain(workspace, customer).TrackAsync([Event("e1", "purchase"), Event("e2", "product_viewed")]);
        return (workspace, customer);
    }

    [Fact]
    public async Task EraseAsync_CustomerInSegments_ExitsThemThenLeavesNothingUnderTheId()
    {
        var (workspace, customer) = await BuyerAsync();
        Assert.NotNull(fixture.Journal.WakeUp(workspace, customer));

        var result = await Grain(workspace, customer).EraseAsync("key-1");

        Assert.True(result.Found);
        Assert.False(result.AlreadyErased);
        Assert.Equal(["buyers", "recent-viewers"], result.Exits);
        Assert.Equal(ErasedIds.Hash(workspace, customer), result.IdHash);
        Assert.Empty(fixture.Journal.Members(workspace, "buyers"));
        Assert.Empty(fixture.Journal.Entries(workspace, customer));
        Assert.Null(fixture.Journal.WakeUp(workspace, customer));
        Assert.Null(fixture.Journal.Snapshot(workspace, customer));
        Assert.Null(await Grain(workspace, customer).GetProfileAsync());
        // Two enters then two exits, in order, each exit by erasure. The enters are redacted at once; the exits keep
        // the id for ESP sync jobs (ErasedExitsVisibleFor, three days by default), then the redaction pass takes it.
        var log = Log(workspace);
        Assert.Equal([true, true, false, false], log.Select(r => r.Change.Entered));
        Assert.All(log.Skip(2), r => Assert.Equal((MembershipCause.Erased, customer), (r.Change.Cause, r.CustomerId)));
        Assert.All(log.Take(2), r => Assert.StartsWith(ErasedIds.TokenPrefix, r.CustomerId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redactor_AfterTheExitsWereVisibleLongEnough_ReplacesTheIdWithTheEntersToken()
    {
        var (workspace, customer) = await BuyerAsync();
        await Grain(workspace, customer).EraseAsync("key-1");
        var redactor = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ErasedExitRedactor>();

        fixture.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        await redactor.RedactOnceAsync(Ct);
        var before = Log(workspace);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await redactor.RedactOnceAsync(Ct);
        var after = Log(workspace);

        Assert.Equal(2, before.Count(r => r.CustomerId == customer));
        Assert.DoesNotContain(after, r => r.CustomerId.Contains(customer, StringComparison.Ordinal));
        Assert.Single(after.Select(r => r.CustomerId).Distinct());
        Assert.Equal(4, after.Count);
    }

    private List<ActorSegments.InMemory.MembershipLogRecord> Log(string workspace) => [.. fixture.Journal.Log.Where(r => r.WorkspaceId == workspace)];

    [Fact]
    public async Task EraseAsync_Repeated_SucceedsAndSaysSo()
    {
        var (workspace, customer) = await BuyerAsync();
        await Grain(workspace, customer).EraseAsync("key-1");

        var again = await Grain(workspace, customer).EraseAsync("key-1");
        var unknown = await Grain(workspace, $"c-{Guid.NewGuid():N}").EraseAsync("key-1");

        Assert.Equal((false, true), (again.Found, again.AlreadyErased));
        Assert.Empty(again.Exits);
        Assert.Equal((false, false), (unknown.Found, unknown.AlreadyErased));
        Assert.Equal(3, (await fixture.Erasure.AuditAsync(workspace, 10, Ct)).Count);
    }

    [Fact]
    public async Task TrackAsync_ErasedId_IsRefusedBeforeAndAfterReactivation()
    {
        var (workspace, customer) = await BuyerAsync();
        await Grain(workspace, customer).EraseAsync("key-1");

        // A call queued right behind the erasure reaches the same activation; later ones a new activation.
        await Assert.ThrowsAsync<CustomerErasedException>(() => Grain(workspace, customer).TrackAsync([Event("e3", "purchase")]));
        await fixture.Cluster.DeactivateAsync(Grain(workspace, customer));
        await Assert.ThrowsAsync<CustomerErasedException>(() => Grain(workspace, customer).TrackAsync([Event("e3", "purchase")]));
        await Assert.ThrowsAsync<CustomerErasedException>(() => Grain(workspace, customer).IdentifyAsync(new TraitUpdate("u1", fixture.Clock.GetUtcNow(), [])));

        Assert.Empty(fixture.Journal.Entries(workspace, customer));
        Assert.Empty(fixture.Journal.Members(workspace, "buyers"));
    }

    [Fact]
    public async Task HousekeepingCalls_ErasedId_StoreNothing()
    {
        var (workspace, customer) = await BuyerAsync();
        await Grain(workspace, customer).EraseAsync("key-1");
        await fixture.Cluster.DeactivateAsync(Grain(workspace, customer));

        await Grain(workspace, customer).WakeAsync();
        await Grain(workspace, customer).ReevaluateAsync(long.MaxValue / 2);
        var applied = await Grain(workspace, customer).ApplyModelOutputsAsync(new ModelOutput("m1", fixture.Clock.GetUtcNow()) { Cohort = "c1" });

        Assert.False(applied);
        Assert.Empty(fixture.Journal.Entries(workspace, customer));
        Assert.Null(fixture.Journal.WakeUp(workspace, customer));
        Assert.Null(fixture.Journal.Snapshot(workspace, customer));
        Assert.Equal(0, await fixture.Registry.CountAsync(workspace, Ct));
    }

    [Fact]
    public async Task RestartErasedAsync_ThenTrack_StartsANewCustomerWithNoHistory()
    {
        var (workspace, customer) = await BuyerAsync();
        await Grain(workspace, customer).EraseAsync("key-1");

        var lifted = await Grain(workspace, customer).RestartErasedAsync();
        var result = await Grain(workspace, customer).TrackAsync([Event("e1", "product_viewed")]);
        var profile = await Grain(workspace, customer).GetProfileAsync();

        Assert.True(lifted);
        Assert.Equal(new TrackResult(1, 0), result); // "e1" was used before the erasure: nothing of that is remembered
        Assert.Equal(1, profile!.TotalEvents);
        Assert.Equal(["recent-viewers"], profile.Segments.Select(s => s.SegmentId));
        Assert.False(await fixture.Erasure.IsSuppressedAsync(workspace, customer, Ct));
        Assert.False(await Grain(workspace, customer).RestartErasedAsync());
    }
}
