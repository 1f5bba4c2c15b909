using ActorSegments.Domain.Behavior;
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

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
