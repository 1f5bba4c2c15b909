using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Grains.Modeling;
using ActorSegments.Grains.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Grains.Tests;

/// <summary>
/// Linking an anonymous id into a known customer (docs/identity.md): both histories in one customer, exact segment
/// changes, exactly once across retries, redirects, chains, conflicts, limits, concurrency and a failed second commit.
/// </summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class IdentityTests(ClusterFixture fixture)
{
    /// <summary>The fixture's alias limit (ActorSegments:Identity:MaxAliases), small enough to reach in a test.</summary>
    public const int MaxAliases = 3;

    private static readonly DateTimeOffset T0 = ClusterFixture.Start.AddDays(-3);

    private static CustomerEvent Purchase(string id, int minute, double revenue = 10) =>
        new(id, "purchase", T0.AddMinutes(minute), new Dictionary<string, PropertyValue> { ["revenue"] = PropertyValue.Of(revenue) });

    private static TraitUpdate Identify(string id, DateTimeOffset at, string name, string value) => new(id, at, [new(name, TraitValue.Of(value))]);

    private static AliasRequest Link(string linkId, string previousId, bool allowKnownMerge = false) => new(linkId, previousId, allowKnownMerge, ClusterFixture.Start);

    private ICustomerGrain Customer(string workspace, string customer) => fixture.Grains.GetCustomer(workspace, customer);

    private static string NewWorkspace() => $"ws-{Guid.NewGuid():N}";

    /// <summary>Sends events as the gateway does: to the customer, then wherever an alias redirects them.</summary>
    private async Task<TrackResult> TrackAsync(string workspace, string customer, params CustomerEvent[] events)
    {
        for (var hop = 0; hop < 8; hop++)
        {
            var result = await Customer(workspace, customer).TrackAsync(events);
            if (result.RedirectTo is not { } next)
            {
                return result;
            }

            customer = next;
        }

        throw new InvalidOperationException("redirect loop");
    }

    private IReadOnlyList<MembershipChange> Changes(string workspace, string customer) => Deadlines.Changes(fixture, (workspace, customer));

    [Fact]
    public async Task MergeAsync_AnonymousIntoKnown_HoldsBothHistoriesAndMergesTraitsByTheRule()
    {
        var ws = NewWorkspace();
        await TrackAsync(ws, "anon", Purchase("a-1", 0), Purchase("a-2", 5));
        Assert.True(await Customer(ws, "anon").IdentifyAsync(Identify("a-id", T0.AddHours(2), "plan", "free")));
        Assert.True(await Customer(ws, "known").IdentifyAsync(Identify("b-id", T0.AddHours(1), "plan", "gold")));
        Assert.True(await Customer(ws, "known").IdentifyAsync(Identify("b-id2", T0, "city", "lyon")));
        await TrackAsync(ws, "known", Purchase("b-1", 10, revenue: 30));

        var result = await Customer(ws, "known").MergeAsync(Link("link-1", "anon", allowKnownMerge: true));

        Assert.Equal(new AliasResult(true, "known", 2), result);
        var profile = (await Customer(ws, "known").GetProfileAsync())!;
        Assert.Equal(3, profile.TotalEvents);
        Assert.Equal((3L, 50.0), (profile.Rfm!.Frequency, profile.Rfm.Monetary));
        Assert.Equal(["city=lyon", "plan=free"], profile.Traits.Select(t => $"{t.Name}={t.Text}"));
        await Assert.ThrowsAsync<CustomerAliasedException>(() => Customer(ws, "anon").GetProfileAsync());
    }

    [Fact]
    public async Task MergeAsync_Segments_TheAliasExitsEverySegment_TheSurvivorEntersWhatItNowMatches_CountsExact()
    {
        var ws = NewWorkspace();
        var ct = TestContext.Current.CancellationToken;
        await fixture.Definitions.SaveAsync(ws, "buyers", "did(purchase)", null, ct);
        await fixture.Definitions.SaveAsync(ws, "big", "sum(purchase.revenue) >= 15", null, ct);
        await TrackAsync(ws, "anon", Purchase("a-1", 0));
        await TrackAsync(ws, "known", Purchase("b-1", 1));
        Assert.Equal(2, await fixture.Counts.CountAsync(ws, "buyers", ct));
        var now = fixture.Clock.GetUtcNow().ToUnixTimeSeconds(); // the shared clock: other tests move it

        await Customer(ws, "known").MergeAsync(Link("link-1", "anon"));

        Assert.Equal([new MembershipChange("buyers", false, now, MembershipCause.Merge)], Changes(ws, "anon").Where(c => c.Cause == MembershipCause.Merge));
        Assert.Equal([("big", true)], Changes(ws, "known").Where(c => c.Cause == MembershipCause.Merge).Select(c => (c.SegmentId, c.Entered)));
        Assert.Equal(["known"], fixture.Journal.Members(ws, "buyers"));
        Assert.Equal(["known"], fixture.Journal.Members(ws, "big"));
        Assert.Equal(1, await fixture.Counts.CountAsync(ws, "buyers", ct));
        Assert.Equal(1, await fixture.Counts.CountAsync(ws, "big", ct));
        Assert.Null(fixture.Journal.WakeUp(ws, "anon"));
    }

    [Fact]
    public async Task MergeAsync_IntoACustomerWithNoHistory_EvaluatesItOnceForTheMerge()
    {
        var ws = NewWorkspace();
        await fixture.Definitions.SaveAsync(ws, "browsers", "not did(purchase)", null, TestContext.Current.CancellationToken);
        await TrackAsync(ws, "anon", new CustomerEvent("v-1", "product_viewed", T0, CustomerEvent.NoProperties));

        await Customer(ws, "new").MergeAsync(Link("link-1", "anon"));

        Assert.Equal([("browsers", true, MembershipCause.Merge)], Changes(ws, "new").Select(c => (c.SegmentId, c.Entered, c.Cause)));
        Assert.Equal(["new"], fixture.Journal.Members(ws, "browsers"));
    }

    [Fact]
    public async Task MergeAsync_Retried_IsADuplicate_AndChangesNothing()
    {
        var ws = NewWorkspace();
        await TrackAsync(ws, "anon", Purchase("a-1", 0));
        await Customer(ws, "known").MergeAsync(Link("link-1", "anon"));
        var entries = fixture.Journal.Entries(ws, "known").Count;

        var retried = await Customer(ws, "known").MergeAsync(Link("link-1", "anon"));
        var anotherLink = await Customer(ws, "known").MergeAsync(Link("link-2", "anon"));

        Assert.Equal(new AliasResult(false, "known", 0), retried);
        Assert.Equal(new AliasResult(false, "known", 0), anotherLink);
        Assert.Equal(entries, fixture.Journal.Entries(ws, "known").Count);
        Assert.Equal(1, (await Customer(ws, "known").GetProfileAsync())!.TotalEvents);
    }

    [Fact]
    public async Task TrackAsync_AfterTheMerge_TheAliasRedirects_ARetriedOldEventIsADuplicate_NewEventsLandInTheSurvivor()
    {
        var ws = NewWorkspace();
        await TrackAsync(ws, "anon", Purchase("a-1", 0));
        await Customer(ws, "known").MergeAsync(Link("link-1", "anon"));

        Assert.Equal(TrackResult.Redirect("known"), await Customer(ws, "anon").TrackAsync([Purchase("a-1", 0)]));
        Assert.Equal(new TrackResult(0, 1), await TrackAsync(ws, "anon", Purchase("a-1", 0)));
        Assert.Equal(new TrackResult(1, 0), await TrackAsync(ws, "anon", Purchase("a-2", 1)));
        await Assert.ThrowsAsync<CustomerAliasedException>(() => Customer(ws, "anon").IdentifyAsync(Identify("u", T0, "plan", "x")));

        Assert.Equal(2, (await Customer(ws, "known").GetProfileAsync())!.TotalEvents);
        Assert.Single(fixture.Journal.Entries(ws, "anon"), e => e.Record is CustomerEvent);
    }

    [Fact]
    public async Task Alias_AfterDeactivationWithSnapshotsOnEveryDeactivation_StillRedirects()
    {
        var ws = NewWorkspace();
        await TrackAsync(ws, "anon", Purchase("a-1", 0));
        await fixture.Cluster.DeactivateAsync(Customer(ws, "anon")); // a snapshot before the link
        await Customer(ws, "known").MergeAsync(Link("link-1", "anon"));
        await fixture.Cluster.DeactivateAsync(Customer(ws, "anon"));

        Assert.Equal(TrackResult.Redirect("known"), await Customer(ws, "anon").TrackAsync([Purchase("a-2", 1)]));
        Assert.True(fixture.Journal.Snapshot(ws, "anon")!.Sequence < fixture.Journal.Entries(ws, "anon").Count);
    }

    [Fact]
    public async Task MergeAsync_Chain_AIntoB_ThenBIntoC_ResolvesToC()
    {
        var ws = NewWorkspace();
        await TrackAsync(ws, "a", Purchase("a-1", 0));
        await TrackAsync(ws, "b", Purchase("b-1", 1));
        await TrackAsync(ws, "c", Purchase("c-1", 2));
        await Customer(ws, "b").MergeAsync(Link("l-ab", "a"));

        Assert.Equal(new AliasResult(true, "c", 2), await Customer(ws, "c").MergeAsync(Link("l-bc", "b")));

        Assert.Equal(AliasResult.Redirect("c"), await Customer(ws, "b").MergeAsync(Link("l-x", "a")));
        Assert.Equal(new TrackResult(0, 1), await TrackAsync(ws, "a", Purchase("a-1", 0)));
        Assert.Equal(new TrackResult(1, 0), await TrackAsync(ws, "a", Purchase("a-3", 3)));
        Assert.Equal(4, (await Customer(ws, "c").GetProfileAsync())!.TotalEvents);
        // a link naming an id that is already an alias merges the customer it resolves to: here, itself
        Assert.Equal(new AliasResult(false, "c", 0), await Customer(ws, "c").MergeAsync(Link("l-ca", "a")));
    }

    [Fact]
    public async Task MergeAsync_TwoKnownCustomers_IsRefusedWithoutLeave_ChangingNothing_AndAppliedWithIt()
    {
        var ws = NewWorkspace();
        Assert.True(await Customer(ws, "a").IdentifyAsync(Identify("a-id", T0, "plan", "free")));
        Assert.True(await Customer(ws, "b").IdentifyAsync(Identify("b-id", T0, "plan", "gold")));

        var refused = await Assert.ThrowsAsync<CustomerLinkRefusedException>(() => Customer(ws, "b").MergeAsync(Link("l-1", "a")));

        Assert.Equal("previous_id", refused.Field);
        Assert.Equal(new TrackResult(1, 0), await Customer(ws, "a").TrackAsync([Purchase("a-1", 0)])); // not an alias
        Assert.True((await Customer(ws, "b").MergeAsync(Link("l-1", "a", allowKnownMerge: true))).Applied);
    }

    [Fact]
    public async Task MergeAsync_KnownPreviousIdIntoAnAnonymousCustomer_IsApplied()
    {
        var ws = NewWorkspace();
        Assert.True(await Customer(ws, "a").IdentifyAsync(Identify("a-id", T0, "plan", "free")));

        Assert.True((await Customer(ws, "b").MergeAsync(Link("l-1", "a"))).Applied);
        Assert.Equal(["plan=free"], (await Customer(ws, "b").GetProfileAsync())!.Traits.Select(t => $"{t.Name}={t.Text}"));
    }

    [Fact]
    public async Task MergeAsync_BeyondTheAliasLimit_IsRefusedBeforeThePreviousIdChanges()
    {
        var ws = NewWorkspace();
        for (var i = 0; i < MaxAliases; i++)
        {
            Assert.True((await Customer(ws, "known").MergeAsync(Link($"l-{i}", $"anon-{i}"))).Applied);
        }

        await TrackAsync(ws, "late", Purchase("late-1", 0));
        var refused = await Assert.ThrowsAsync<CustomerLinkRefusedException>(() => Customer(ws, "known").MergeAsync(Link("l-late", "late")));

        Assert.True(refused.LimitReached);
        Assert.Contains("MaxAliases", refused.Field, StringComparison.Ordinal);
        Assert.Equal(new TrackResult(1, 0), await Customer(ws, "late").TrackAsync([Purchase("late-2", 1)]));
    }

    [Fact]
    public async Task MergeAsync_WithEventsToBothIdsConcurrently_CountsEveryEventOnceInTheSurvivor()
    {
        var ws = NewWorkspace();
        await TrackAsync(ws, "anon", Purchase("a-0", 0));
        await TrackAsync(ws, "known", Purchase("b-0", 0));
        var sends = Enumerable.Range(1, 40).SelectMany(i => new[]
        {
            TrackAsync(ws, "anon", Purchase($"a-{i}", i)),
            TrackAsync(ws, "known", Purchase($"b-{i}", i)),
            TrackAsync(ws, "anon", Purchase($"a-{i}", i)), // a retry racing its original
        }).ToList();

        var merge = Customer(ws, "known").MergeAsync(Link("link-1", "anon"));
        await Task.WhenAll(sends);
        await merge;

        Assert.Equal(2 * 41, (await Customer(ws, "known").GetProfileAsync())!.TotalEvents);
        var ids = fixture.Journal.Entries(ws, "known").Select(e => e.Record).OfType<CustomerEvent>().Select(e => e.EventId).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task MergeAsync_SurvivorsCommitFailsAfterThePreviousIdSurrendered_TheRetryImportsOnce()
    {
        var ws = NewWorkspace();
        await TrackAsync(ws, "anon", Purchase("a-1", 0), Purchase("a-2", 1));
        // The first of the two commits happens (the previous id is an alias now), the second fails: as a crash between them.
        await Customer(ws, "anon").SurrenderAsync(new SurrenderRequest("link-1", "known", false, false, MaxAliases, ClusterFixture.Start));
        Assert.Equal(TrackResult.Redirect("known"), await Customer(ws, "anon").TrackAsync([Purchase("a-3", 2)]));
        fixture.Journal.FailNextCommits(1);
        await Assert.ThrowsAsync<EventsNotStoredException>(() => Customer(ws, "known").MergeAsync(Link("link-1", "anon")));

        var retried = await Customer(ws, "known").MergeAsync(Link("link-1", "anon"));
        var again = await Customer(ws, "known").MergeAsync(Link("link-1", "anon"));

        Assert.Equal(new AliasResult(true, "known", 2), retried);
        Assert.False(again.Applied);
        Assert.Equal(2, (await Customer(ws, "known").GetProfileAsync())!.TotalEvents);
    }

    [Fact]
    public async Task Alias_IsLeftOutOfBackfillScreensAndTrainingScans_ItsHistoryCountsOnceInTheSurvivor()
    {
        var ws = NewWorkspace();
        var ct = TestContext.Current.CancellationToken;
        await TrackAsync(ws, "anon", Purchase("a-1", 0));
        await TrackAsync(ws, "known", Purchase("b-1", 1));
        await Customer(ws, "known").MergeAsync(Link("link-1", "anon"));
        await fixture.Definitions.SaveAsync(ws, "buyers", "did(purchase)", null, ct);
        var services = fixture.Cluster.Silos[0].ServiceProvider;
        var workspace = await services.GetRequiredService<SegmentCatalog>().GetAsync(ws, await fixture.Definitions.VersionAsync(ws, ct), ct);

        var affected = await new BackfillScreen(fixture.Journal, fixture.Clock).AffectedAsync(workspace, "buyers", ["anon", "known"], ct);
        var scanned = await JournalHistories.ReadAsync(fixture.Scan, ws, ct);

        Assert.Equal(["known"], affected);
        Assert.Equal(["known"], scanned.Select(h => h.CustomerId));
        Assert.Equal(2, scanned[0].Entries.Count(e => e.Record is CustomerEvent));
    }
}
