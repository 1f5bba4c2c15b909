using ActorSegments.Domain.Activity;

namespace ActorSegments.Domain.Tests.Activity;

public sealed class EventTypeStatsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void With_FirstEvent_SetsCountAndBothTimes()
    {
        var stats = default(EventTypeStats).With(T0);

        Assert.Equal(new EventTypeStats(1, T0, T0), stats);
    }

    [Fact]
    public void With_LateEvent_MovesFirstSeenBackButNotLastSeen()
    {
        var stats = default(EventTypeStats).With(T0).With(T0.AddHours(-3));

        Assert.Equal(new EventTypeStats(2, T0.AddHours(-3), T0), stats);
    }
}
