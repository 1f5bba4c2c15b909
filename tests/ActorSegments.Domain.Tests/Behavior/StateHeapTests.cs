using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Lifecycle;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Behavior;

/// <summary>
/// What an active customer's state allocates, counted on the test's own thread (exact, whatever else runs): every
/// active customer holds these objects, so a header or an array too many is paid a million times.
/// </summary>
public sealed class StateHeapTests
{
    private static readonly long T0 = UnixTime.Seconds(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void EventSeries_FirstEvent_AllocatesOneArrayForItsBucket()
    {
        var series = new EventSeries(0, 0);
        series.Add(T0 - 7200, [], TimeTiers.Default, T0); // code paths warmed
        series = new EventSeries(0, 0);

        var allocated = Allocated(() => series.Add(T0 - 3600, [], TimeTiers.Default, T0));

        // One array of three longs (start, count, tier) is 48 bytes; separate arrays for each were 96.
        Assert.Equal(1, series.BucketCount);
        Assert.True(allocated <= 48, $"{allocated} bytes allocated for a series' first bucket");
    }

    [Fact]
    public void CustomerState_NewShopperOfFiveEvents_RetainsUnder2100Bytes()
    {
        // A million scenario customer: a few product views in two categories, a page view and a cart add.
        var model = BehaviorModel.Default;
        var state = new CustomerState();
        var events = new (string Type, string? Category)[] { ("product_viewed", "Audio"), ("page_viewed", null), ("product_viewed", "Gaming"), ("cart_added", "Audio"), ("product_viewed", "Audio") };
        for (var i = 0; i < events.Length; i++)
        {
            var properties = new Dictionary<string, PropertyValue>(StringComparer.Ordinal) { ["price"] = PropertyValue.Of(20.0 + i) };
            if (events[i].Category is { } category)
            {
                (properties["category"], properties["product_id"]) = (PropertyValue.Of(category), PropertyValue.Of($"P{i}"));
            }

            state.Apply(new CustomerEvent($"e{i}", events[i].Type, UnixTime.ToDateTimeOffset(T0 - 3600 + i), properties), model, T0);
        }

        _ = state.Categories.Top(5); // as a profile read leaves it

        var bytes = RetainedBytes.Of(state);

        Assert.True(bytes < 2100, $"{bytes} bytes");
    }

    [Fact]
    public void AffinityTable_RankingRead_IsNotCopiedAndNeverChangesAfterwards()
    {
        var table = new AffinityTable();
        table.Add("Audio", 1, T0, 86_400, 10);
        table.Add("Gaming", 1, T0 + 60, 86_400, 10);
        _ = table.Top(10); // code paths warmed

        table.Add("Home", 0.5, T0 + 120, 86_400, 10);
        IReadOnlyList<string>? read = null;
        var allocated = Allocated(() => read = table.Top(10));

        // Rules read the ranking on every event touching interests: a copy kept for them cost every customer one.
        Assert.Equal(0, allocated);
        Assert.Equal(["Gaming", "Audio", "Home"], read);

        table.Add("Home", 5, T0 + 180, 86_400, 10);
        table.Add("Cameras", 9, T0 + 240, 86_400, 10);

        Assert.Equal(["Gaming", "Audio", "Home"], read);
        Assert.Equal(["Cameras", "Home", "Gaming", "Audio"], table.Top(10));
    }

    [Fact]
    public void LifecycleState_FirstTransition_HoldsOnlyItsEntry()
    {
        var warm = new LifecycleState();
        warm.MoveTo(LifecycleStage.NewVisitor, T0, 10);
        var lifecycle = new LifecycleState();

        var allocated = Allocated(() => lifecycle.MoveTo(LifecycleStage.NewVisitor, T0, 10));

        // An array of one 16-byte transition is 40 bytes; a list grown to four held 88.
        Assert.Single(lifecycle.History);
        Assert.True(allocated <= 40, $"{allocated} bytes");
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
