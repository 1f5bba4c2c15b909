using ActorSegments.Server.Grpc.Parsing;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Server.Tests;

/// <summary>The rate limit of the warning about unparseable messages (one a minute, with the count).</summary>
public sealed class ReportThrottleTests
{
    [Fact]
    public void Occurred_ManyTimesWithinTheInterval_ReportsTheFirst_ThenTheCountOfTheRestOnceTheIntervalHasPassed()
    {
        var time = new FakeTimeProvider();
        var throttle = new ReportThrottle(MalformedMessageLog.Interval, time);

        var burst = Enumerable.Range(0, 1000).Select(_ => throttle.Occurred()).ToList();
        time.Advance(MalformedMessageLog.Interval - TimeSpan.FromSeconds(1));
        var stillQuiet = throttle.Occurred();
        time.Advance(TimeSpan.FromSeconds(1));
        var next = throttle.Occurred();
        var afterReport = throttle.Occurred();

        Assert.Equal(1, burst[0]);
        Assert.All(burst.Skip(1), report => Assert.Null(report));
        Assert.Null(stillQuiet);
        Assert.Equal(1001, next); // 999 after the first, the one still quiet, and this one
        Assert.Null(afterReport);
    }
}
