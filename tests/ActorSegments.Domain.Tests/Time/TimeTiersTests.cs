using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Time;

public sealed class TimeTiersTests
{
    private const long Hour = 3600;
    private const long Day = 86_400;
    private static readonly TimeTiers Tiers = TimeTiers.Default;

    [Theory]
    [InlineData(60, 1)]
    [InlineData(48 * Hour, 1)]
    [InlineData((48 * Hour) + 1, 60)]
    [InlineData(7 * Day, 60)]
    [InlineData(30 * Day, Hour)]
    [InlineData(90 * Day, Day)]
    [InlineData(365 * Day, 7 * Day)]
    public void TierForAge_FollowsThePrecisionContract(long window, long resolution) =>
        Assert.Equal(resolution, Tiers.Resolution(Tiers.TierForAge(window)));

    [Fact]
    public void AlignDown_WeeksStartOnMonday()
    {
        var wednesday = UnixTime.Seconds(new DateTimeOffset(2026, 11, 25, 15, 30, 0, TimeSpan.Zero));
        var weekTier = Tiers.TierForAge(365 * Day);

        var start = UnixTime.ToDateTimeOffset(Tiers.AlignDown(wednesday, weekTier));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(DayOfWeek.Monday, start.DayOfWeek);
    }

    [Fact]
    public void WindowExit_ForSecondResolution_IsExactlyTheWindowAfterTheEvent()
    {
        const long eventTime = 1_000_000;

        Assert.Equal(eventTime + (48 * Hour), Tiers.WindowExit(eventTime, 48 * Hour));
        Assert.True(Tiers.WindowStart(eventTime + (48 * Hour) - 1, 48 * Hour) <= eventTime);
        Assert.True(Tiers.WindowStart(eventTime + (48 * Hour), 48 * Hour) > eventTime);
    }

    [Fact]
    public void SettledTier_PastTheHorizon_IsMinusOne()
    {
        var now = 500 * Day;

        Assert.Equal(-1, Tiers.SettledTier(now - (420 * Day), 0, now));
        Assert.Equal(0, Tiers.SettledTier(now - 10, 0, now));
        Assert.Equal(1, Tiers.SettledTier(now - (3 * Day), 0, now));
    }

    [Fact]
    public void ShortHorizon_TruncatesTheTiers()
    {
        var tiers = new TimeTiers(TimeSpan.FromDays(30));

        Assert.Equal(3, tiers.Count);
        Assert.Equal(30 * Day, tiers.Limit(2));
        Assert.Equal(30 * Day, tiers.Horizon);
    }

    [Fact]
    public void NextTierChange_IsTheFirstSecondPastEachLimit_ForStartEdgesOneBucketEarlier()
    {
        Assert.Equal((48 * Hour) + 1, Tiers.NextTierChange(0, 0, isStart: false));
        Assert.Equal((7 * Day) + 1, Tiers.NextTierChange(0, (48 * Hour) + 1, isStart: false));
        Assert.Equal(48 * Hour, Tiers.NextTierChange(0, 0, isStart: true));
        Assert.Equal(UnixTime.Never, Tiers.NextTierChange(0, (400 * Day) + 5, isStart: false));
    }

    [Fact]
    public void RangeBounds_WidenToWholeBucketsAsEdgesAge()
    {
        var from = UnixTime.Seconds(new DateTimeOffset(2025, 11, 28, 0, 0, 0, TimeSpan.Zero)); // a Friday
        var to = UnixTime.Seconds(new DateTimeOffset(2025, 12, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal((from, to), Tiers.RangeBounds(to + Day, from, to));
        var (start, end) = Tiers.RangeBounds(to + (200 * Day), from, to);

        // 200 days later both edges are in the week tier: the range covers the whole weeks, Monday to Monday.
        Assert.Equal(new DateTimeOffset(2025, 11, 24, 0, 0, 0, TimeSpan.Zero), UnixTime.ToDateTimeOffset(start));
        Assert.Equal(new DateTimeOffset(2025, 12, 8, 0, 0, 0, TimeSpan.Zero), UnixTime.ToDateTimeOffset(end));
    }
}
