using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Rules;

public sealed class SegmentSetTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;
    private static readonly long T0 = UnixTime.Seconds(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Compile_OrdersReferencedSegmentsFirst()
    {
        var set = SegmentSet.Compile(
        [
            new("vip-at-risk", "in_segment(\"vip\") and lifecycle = \"at_risk\""),
            new("vip", "sum(purchase.revenue) >= 1000"),
        ], Model);

        Assert.Empty(set.Errors);
        Assert.Equal(["vip", "vip-at-risk"], set.Segments.Select(s => s.Id));
    }

    [Fact]
    public void Compile_ReferenceCycle_ReportsTheCycleAtEachReference()
    {
        var set = SegmentSet.Compile(
        [
            new("a", "in_segment(\"b\") or count(purchase) > 3"),
            new("b", "trait.country = \"US\" and in_segment(\"a\")"),
            new("c", "count(purchase) > 0"),
        ], Model);

        Assert.Equal(["c"], set.Segments.Select(s => s.Id));
        Assert.Contains("makes a cycle: a -> b -> a", set.Errors["a"][0].Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), (set.Errors["a"][0].Line, set.Errors["a"][0].Column));
        Assert.Equal((1, 26), (set.Errors["b"][0].Line, set.Errors["b"][0].Column));
    }

    [Fact]
    public void Compile_SegmentReferencingABrokenOne_FailsToo()
    {
        var set = SegmentSet.Compile(
        [
            new("broken", "count(purchse) > 0"),
            new("uses-broken", "in_segment(\"broken\")"),
        ], Model);

        Assert.Empty(set.Segments);
        Assert.Contains("unknown event type 'purchse'", set.Errors["broken"][0].Message, StringComparison.Ordinal);
        Assert.Contains("segment 'broken' has errors", set.Errors["uses-broken"][0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Memberships_NestedSegmentsCascadeOnOneEvent_AndTimeBasedExitsAreRecordedAtTheDeadline()
    {
        var set = SegmentSet.Compile(
        [
            new("recent-viewer", "did(product_viewed, within 48h)"),
            new("recent-viewer-us", "in_segment(\"recent-viewer\") and trait.country = \"US\""),
        ], Model);
        var state = new CustomerState();
        var memberships = new Memberships();
        var changes = new List<MembershipChange>();
        state.SetTrait("country", TraitValue.Of("US"));
        memberships.ApplyAll(set, state, Model, T0, MembershipCause.Definition, changes);

        var change = state.Apply(new CustomerEvent("e1", "product_viewed", UnixTime.ToDateTimeOffset(T0), CustomerEvent.NoProperties), Model, T0);
        memberships.Apply(set, state, Model, change, T0, MembershipCause.Event, changes);

        Assert.Equal([("recent-viewer", true), ("recent-viewer-us", true)], changes.Select(c => (c.SegmentId, c.Entered)));
        Assert.Equal(T0 + (48 * 3600), memberships.NextWakeUp);

        changes.Clear();
        var lateWakeUp = T0 + (50 * 3600);
        memberships.ApplyDue(set, state, Model, lateWakeUp, changes);

        // Woken two hours late, the exits still carry the instant the window closed.
        Assert.Equal([("recent-viewer", false, T0 + (48 * 3600)), ("recent-viewer-us", false, T0 + (48 * 3600))], changes.Select(c => (c.SegmentId, c.Entered, c.At)));
        Assert.All(changes, c => Assert.Equal(MembershipCause.Time, c.Cause));
        Assert.Equal(UnixTime.Never, memberships.NextWakeUp);
    }

    [Fact]
    public void Memberships_SegmentRemovedFromTheSet_IsLeft()
    {
        var state = new CustomerState();
        var memberships = new Memberships();
        var changes = new List<MembershipChange>();
        memberships.ApplyAll(SegmentSet.Compile([new("all", "customer.events >= 0")], Model), state, Model, T0, MembershipCause.Definition, changes);
        Assert.True(memberships.Contains("all"));

        changes.Clear();
        memberships.ApplyAll(SegmentSet.Compile([], Model), state, Model, T0 + 5, MembershipCause.Definition, changes);

        Assert.False(memberships.Contains("all"));
        Assert.Equal(new MembershipChange("all", false, T0 + 5, MembershipCause.Definition), Assert.Single(changes));
    }

    [Fact]
    public void Memberships_RestoredOrCarriedToANewSet_KeepTheirEntryTimeAndRaiseNoChange()
    {
        var state = new CustomerState();
        var memberships = new Memberships();
        var changes = new List<MembershipChange>();
        memberships.Restore([new("all", T0 - 100), new("gone", T0 - 50)]);
        Assert.True(memberships.Contains("all"));

        memberships.ApplyAll(SegmentSet.Compile([new("all", "customer.events >= 0"), new("none", "customer.events > 5")], Model), state, Model, T0, MembershipCause.Definition, changes);

        Assert.Equal(new MembershipChange("gone", false, T0, MembershipCause.Definition), Assert.Single(changes));
        Assert.Equal(T0 - 100, memberships.Members["all"]);

        changes.Clear();
        var redefined = SegmentSet.Compile([new("new", "customer.events >= 0"), new("all", "customer.events >= 0")], Model);
        memberships.ApplyAll(redefined, state, Model, T0 + 5, MembershipCause.Definition, changes);

        Assert.Equal(new MembershipChange("new", true, T0 + 5, MembershipCause.Definition), Assert.Single(changes));
        Assert.Equal(T0 - 100, memberships.Members["all"]);
        Assert.Equal(["all", "new"], memberships.Members.Keys.Order());
    }

    [Fact]
    public void Memberships_CustomerInNoneOfManySegments_AllocatesNothingPerSegment()
    {
        // Held per active customer: memberships sized by the segment set (16 bytes a segment) cost a million customers
        // with 400 segments 6 GB. Only segments the customer is in or waits on may cost memory.
        var set = SegmentSet.Compile(Enumerable.Range(0, 400).Select(i => new SegmentDefinition($"s{i}", $"customer.events > {1000 + i}")), Model);
        var state = new CustomerState();
        var memberships = new Memberships();
        var changes = new List<MembershipChange>();
        memberships.ApplyAll(set, state, Model, T0, MembershipCause.Definition, changes); // code paths warmed
        memberships = new Memberships();

        var before = GC.GetAllocatedBytesForCurrentThread();
        memberships.ApplyAll(set, state, Model, T0, MembershipCause.Definition, changes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(changes);
        Assert.Equal(UnixTime.Never, memberships.NextWakeUp);
        Assert.True(allocated < 400 * 2, $"{allocated} bytes allocated for a customer in none of 400 segments");
    }
}
