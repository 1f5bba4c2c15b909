using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Testing;

namespace ActorSegments.Grains.Tests;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class CustomerGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = ClusterFixture.Start;

    private static CustomerEvent Event(string id, string type, DateTimeOffset at) => new(id, type, at, CustomerEvent.NoProperties);

    private static (string Workspace, string Customer) NewCustomer(string? workspace = null) =>
        (workspace ?? $"ws-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");

    private ICustomerGrain Grain((string Workspace, string Customer) id) => fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(id.Workspace, id.Customer));

    [Fact]
    public async Task TrackAsync_Events_AreVisibleInTheProfileAndJournaled()
    {
        var id = NewCustomer();
        var customer = Grain(id);

        var result = await customer.TrackAsync([
            Event("e1", "product_viewed", T0),
            Event("e2", "product_viewed", T0.AddMinutes(1)),
            Event("e3", "purchase", T0.AddMinutes(2)),
        ]);
        var profile = await customer.GetProfileAsync();

        Assert.Equal(new TrackResult(3, 0), result);
        Assert.NotNull(profile);
        Assert.Equal(id, (profile.WorkspaceId, profile.CustomerId));
        Assert.Equal(3, profile.TotalEvents);
        Assert.Equal("first_time_buyer", profile.Lifecycle);
        Assert.Equal(
            [new EventTypeSummary("product_viewed", 2, T0, T0.AddMinutes(1)), new EventTypeSummary("purchase", 1, T0.AddMinutes(2), T0.AddMinutes(2))],
            profile.EventTypes);
        Assert.Equal([1L, 2L, 3L], fixture.Journal.Entries(id.Workspace, id.Customer).Select(e => e.Sequence));
    }

    [Fact]
    public async Task GetProfileAsync_CustomerWithoutEvents_ReturnsNull()
    {
        Assert.Null(await Grain(NewCustomer()).GetProfileAsync());
    }

    [Fact]
    public async Task TrackAsync_RetriedEvents_AreAppliedOnce()
    {
        var id = NewCustomer();
        var customer = Grain(id);
        await customer.TrackAsync([Event("e1", "purchase", T0)]);

        var retry = await customer.TrackAsync([Event("e1", "purchase", T0), Event("e2", "purchase", T0.AddDays(1))]);

        Assert.Equal(new TrackResult(1, 1), retry);
        Assert.Equal(2, (await customer.GetProfileAsync())!.TotalEvents);
        Assert.Equal(2, fixture.Journal.Entries(id.Workspace, id.Customer).Count);
    }

    [Fact]
    public async Task State_SurvivesDeactivation_WithAndWithoutASnapshot()
    {
        var id = NewCustomer();
        var customer = Grain(id);
        await customer.TrackAsync([Event("e1", "email_opened", T0)]);

        // No snapshot was written for one event: the next activation replays the journal.
        await fixture.Cluster.DeactivateAsync(customer);
        var retry = await customer.TrackAsync([Event("e1", "email_opened", T0), Event("e2", "email_clicked", T0)]);
        await fixture.Cluster.DeactivateAsync(customer);

        Assert.Equal(new TrackResult(1, 1), retry);
        var profile = await customer.GetProfileAsync();
        Assert.Equal(2, profile!.TotalEvents);
        Assert.Equal(new TrackResult(0, 2), await customer.TrackAsync([Event("e1", "email_opened", T0), Event("e2", "email_clicked", T0)]));
    }

    [Fact]
    public async Task SnapshotWriteFails_OnDeactivation_TheJournalStillRebuildsEverything()
    {
        var id = NewCustomer();
        var customer = Grain(id);
        await customer.TrackAsync([Event("e1", "product_viewed", T0), Event("e2", "purchase", T0.AddMinutes(1))]);

        fixture.Journal.FailNextSnapshot(id.Workspace, id.Customer);
        await fixture.Cluster.DeactivateAsync(customer);
        Assert.Null(fixture.Journal.Snapshot(id.Workspace, id.Customer));

        var profile = await customer.GetProfileAsync();
        Assert.Equal(2, profile!.TotalEvents);
        Assert.Equal(new TrackResult(0, 1), await customer.TrackAsync([Event("e2", "purchase", T0.AddMinutes(1))]));
    }

    [Fact]
    public async Task TrackAsync_JournalCommitFails_NothingIsAcknowledgedAndTheRetryAppliesOnce()
    {
        var id = NewCustomer();
        var customer = Grain(id);
        await customer.TrackAsync([Event("e1", "product_viewed", T0)]);

        fixture.Journal.FailNextCommits(1);
        var failure = await Assert.ThrowsAsync<EventsNotStoredException>(() => customer.TrackAsync([Event("e2", "purchase", T0.AddHours(1))]));
        Assert.False(failure.Overloaded);
        var retry = await Eventually.ReturnsAsync(
            async () => { try { return await customer.TrackAsync([Event("e2", "purchase", T0.AddHours(1))]); } catch (EventsNotStoredException) { return null; } },
            result => result is not null);

        Assert.Equal(new TrackResult(1, 0), retry);
        Assert.Equal(["e1", "e2"], fixture.Journal.Entries(id.Workspace, id.Customer).Select(e => e.Record.EventId));
        var profile = await customer.GetProfileAsync();
        Assert.Equal(2, profile!.TotalEvents);
        Assert.Equal(1, profile.EventTypes.Single(t => t.Type == "purchase").Count);
    }

    [Fact]
    public async Task Segments_EnterAndExitOnEvents_AndNestedSegmentsCascade()
    {
        var id = NewCustomer();
        await fixture.Definitions.SaveAsync(id.Workspace, "buyers", "did(purchase)", null, TestContext.Current.CancellationToken);
        await fixture.Definitions.SaveAsync(id.Workspace, "big-spenders", "sum(purchase.revenue) >= 100", null, TestContext.Current.CancellationToken);
        await fixture.Definitions.SaveAsync(id.Workspace, "vip-buyers", "in_segment(\"buyers\") and in_segment(\"big-spenders\")", null, TestContext.Current.CancellationToken);
        var customer = Grain(id);

        await customer.TrackAsync([Event("e1", "product_viewed", T0)]);
        Assert.Empty((await customer.GetProfileAsync())!.Segments);

        await customer.TrackAsync([new CustomerEvent("e2", "purchase", T0.AddMinutes(5), new Dictionary<string, PropertyValue> { ["revenue"] = PropertyValue.Of(150) })]);

        Assert.Equal(["big-spenders", "buyers", "vip-buyers"], (await customer.GetProfileAsync())!.Segments.Select(s => s.SegmentId));
        Assert.Equal(["big-spenders", "buyers", "vip-buyers"], Changes(id).Where(c => c.Entered).Select(c => c.SegmentId).Order());
        Assert.All(Changes(id), c => Assert.Equal(MembershipCause.Event, c.Cause));
        Assert.Equal([id.Customer], fixture.Journal.Members(id.Workspace, "vip-buyers"));
    }

    [Fact]
    public async Task TimeWindowSegment_ExitsExactlyWhenTheWindowPasses_WhileActive()
    {
        var (id, deadline) = await ViewedButNoCartAsync();
        Assert.Equal(["browse-no-cart"], (await Grain(id).GetProfileAsync())!.Segments.Select(s => s.SegmentId));
        Assert.Equal(deadline, fixture.Journal.WakeUp(id.Workspace, id.Customer));

        // The wake-up timer fires at the deadline: nothing before it, the exit at it.
        await AssertExitsExactlyAtAsync(id, deadline, settle: TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task TimeWindowSegment_AViewThatPushesTheDeadlineLater_ExitsOnlyAtTheLaterDeadline_WhileActive()
    {
        var (id, first) = await ViewedButNoCartAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(3));
        var viewedAgainAt = fixture.Clock.GetUtcNow();
        await Grain(id).TrackAsync([Event("v2", "product_viewed", viewedAgainAt)]);
        var later = viewedAgainAt.AddHours(48).ToUnixTimeSeconds();
        // A later deadline is not written at once: the stored one wakes the customer early, once, for nothing.
        Assert.Equal(first, fixture.Journal.WakeUp(id.Workspace, id.Customer));

        // The timer may still be set for the first deadline: firing there must find nothing due and wait for the later one.
        Assert.True(later > first);
        await AssertExitsExactlyAtAsync(id, later, settle: TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task TimeWindowSegment_ADeadlinePushedLaterThenDeactivated_WakesEarlyOnce_AndExitsOnlyAtTheLaterDeadline()
    {
        var (id, first) = await ViewedButNoCartAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(3));
        var viewedAgainAt = fixture.Clock.GetUtcNow();
        await Grain(id).TrackAsync([Event("v2", "product_viewed", viewedAgainAt)]);
        var later = viewedAgainAt.AddHours(48).ToUnixTimeSeconds();
        await fixture.Cluster.DeactivateAsync(Grain(id));

        // The stored wake-up is the first deadline: the sweep activates the customer there, which finds nothing due
        // and stores the later deadline.
        fixture.Clock.Advance(TimeSpan.FromSeconds(first - fixture.Clock.GetUtcNow().ToUnixTimeSeconds() + 1));
        await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Journal.WakeUp(id.Workspace, id.Customer)), stored => stored == later);

        Assert.DoesNotContain(Changes(id), c => !c.Entered);
        await AssertExitsExactlyAtAsync(id, later, settle: TimeSpan.FromMilliseconds(600));
    }

    [Fact]
    public async Task TimeWindowSegment_ExitsAtTheDeadline_WhenTheCustomerWasDeactivated()
    {
        var (id, deadline) = await ViewedButNoCartAsync();

        // Nothing keeps the customer in memory: the stored wake-up and the silos' sweep bring it back.
        await fixture.Cluster.DeactivateAsync(Grain(id));
        await AssertExitsExactlyAtAsync(id, deadline, settle: TimeSpan.FromMilliseconds(600));
    }

    /// <summary>A customer in "viewed in the last 48h but no cart add" since now; returns it and when it must leave.</summary>
    private async Task<((string Workspace, string Customer) Id, long Deadline)> ViewedButNoCartAsync()
    {
        var id = NewCustomer();
        await fixture.Definitions.SaveAsync(id.Workspace, "browse-no-cart", "did(product_viewed, within 48h) and not did(cart_added, within 48h)", null, TestContext.Current.CancellationToken);
        var viewedAt = fixture.Clock.GetUtcNow();
        await Grain(id).TrackAsync([Event("v1", "product_viewed", viewedAt)]);
        return (id, viewedAt.AddHours(48).ToUnixTimeSeconds());
    }

    private Task AssertExitsExactlyAtAsync((string Workspace, string Customer) id, long deadline, TimeSpan settle) =>
        Deadlines.AssertExitsExactlyAtAsync(fixture, id, deadline, settle, "browse-no-cart");

    [Fact]
    public async Task DefinitionsChange_ExistingMembersAreReevaluatedOnTheirNextCall()
    {
        var id = NewCustomer();
        await fixture.Definitions.SaveAsync(id.Workspace, "viewers", "count(product_viewed) >= 1", null, TestContext.Current.CancellationToken);
        var customer = Grain(id);
        await customer.TrackAsync([Event("v1", "product_viewed", T0)]);
        Assert.Equal([id.Customer], fixture.Journal.Members(id.Workspace, "viewers"));

        await fixture.Definitions.SaveAsync(id.Workspace, "viewers", "count(product_viewed) >= 2", null, TestContext.Current.CancellationToken);
        await Eventually.ReturnsAsync(async () =>
        {
            await customer.WakeAsync();
            return fixture.Journal.Members(id.Workspace, "viewers");
        }, members => members.Count == 0);

        Assert.Equal(MembershipCause.Definition, Changes(id)[^1].Cause);
    }

    private IReadOnlyList<MembershipChange> Changes((string Workspace, string Customer) id) => Deadlines.Changes(fixture, id);
}
