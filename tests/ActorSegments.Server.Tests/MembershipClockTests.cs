using ActorSegments.Server.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Server.Tests;

public sealed class MembershipClockTests
{
    /// <summary>
    /// Orleans' watchdog measures its first component check from an unset timestamp, 0: on this clock that reads as
    /// the time since the first membership timestamp, not the underlying clock's whole reading (the machine's uptime).
    /// </summary>
    [Fact]
    public void ElapsedSinceZero_IsMeasuredFromTheFirstTimestamp()
    {
        var system = new FakeTimeProvider(); // its timestamps count from the year 2000: a long uptime
        var clock = new MembershipClock(system);

        var first = clock.GetTimestamp();
        system.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(1, first);
        Assert.Equal(TimeSpan.FromSeconds(3), clock.GetElapsedTime(0) - clock.GetElapsedTime(0, 1));
        Assert.True(system.GetElapsedTime(0) > TimeSpan.FromDays(365));
    }

    [Fact]
    public void ElapsedTimesAndTheWallClock_AreTheUnderlyingClocks()
    {
        var system = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var clock = new MembershipClock(system);
        var start = clock.GetTimestamp();

        system.Advance(TimeSpan.FromMinutes(7));

        Assert.Equal(TimeSpan.FromMinutes(7), clock.GetElapsedTime(start));
        Assert.Equal(system.GetUtcNow(), clock.GetUtcNow());
        Assert.Equal(system.TimestampFrequency, clock.TimestampFrequency);
    }
}
