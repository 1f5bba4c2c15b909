using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Tests.Activity;

public sealed class CustomerActivityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CustomerEvent Event(string id, string type, DateTimeOffset at) => new(id, type, at, CustomerEvent.NoProperties);

    [Fact]
    public void Apply_NewEvents_CountsPerTypeWithFirstAndLastSeen()
    {
        var activity = new CustomerActivity();

        activity.Apply(Event("e1", "product_viewed", T0));
        activity.Apply(Event("e2", "product_viewed", T0.AddMinutes(5)));
        activity.Apply(Event("e3", "purchase", T0.AddMinutes(7)));

        Assert.Equal(3, activity.TotalEvents);
        Assert.Equal(new EventTypeStats(2, T0, T0.AddMinutes(5)), activity.EventTypes["product_viewed"]);
        Assert.Equal(new EventTypeStats(1, T0.AddMinutes(7), T0.AddMinutes(7)), activity.EventTypes["purchase"]);
    }

    [Fact]
    public void Apply_SameEventIdTwice_AppliesOnceAndReportsDuplicate()
    {
        var activity = new CustomerActivity();

        var first = activity.Apply(Event("e1", "purchase", T0));
        var retry = activity.Apply(Event("e1", "purchase", T0));

        Assert.Equal(ApplyOutcome.Applied, first);
        Assert.Equal(ApplyOutcome.Duplicate, retry);
        Assert.Equal(1, activity.TotalEvents);
        Assert.Equal(1, activity.EventTypes["purchase"].Count);
    }

    [Fact]
    public void Apply_OutOfOrderEvents_LandAtTheirOccurredAtTime()
    {
        var activity = new CustomerActivity();

        activity.Apply(Event("late", "email_opened", T0.AddDays(2)));
        activity.Apply(Event("early", "email_opened", T0));

        Assert.Equal(new EventTypeStats(2, T0, T0.AddDays(2)), activity.EventTypes["email_opened"]);
    }

    [Fact]
    public void Apply_MoreIdsThanCapacity_ForgetsOldestIdsOnly()
    {
        var activity = new CustomerActivity(recentIdCapacity: 3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            activity.Apply(Event(id, "product_viewed", T0));
        }

        Assert.Equal(ApplyOutcome.Duplicate, activity.Apply(Event("d", "product_viewed", T0)));
        Assert.Equal(ApplyOutcome.Duplicate, activity.Apply(Event("b", "product_viewed", T0)));
        Assert.Equal(ApplyOutcome.Applied, activity.Apply(Event("a", "product_viewed", T0)));
    }

    [Fact]
    public void IsEmpty_BeforeAndAfterFirstEvent()
    {
        var activity = new CustomerActivity();
        Assert.True(activity.IsEmpty);

        activity.Apply(Event("e1", "cart_added", T0));

        Assert.False(activity.IsEmpty);
    }
}
