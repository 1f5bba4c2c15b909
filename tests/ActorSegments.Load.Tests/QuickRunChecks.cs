using ActorSegments.BenchSupport;

namespace ActorSegments.Load.Tests;

/// <summary>What every quick run must report, whatever the server's storage: positive figures and counts that agree.</summary>
internal static class QuickRunChecks
{
    public static void AssertSane(LoadResults results)
    {
        AssertIngest(results);
        AssertFeedLag(Assert.Single(results.Scenarios, s => s.Options.FollowSegment is not null));
        AssertExports(results.Exports);
        Assert.Contains("| batch |", LoadReport.Markdown(results), StringComparison.Ordinal);
    }

    private static void AssertIngest(LoadResults results)
    {
        Assert.NotEmpty(results.Scenarios);
        Assert.All(results.Scenarios.SelectMany(s => s.Runs.Select(r => (s, r))), pair =>
        {
            var (scenario, run) = pair;
            Assert.True(run.Sent > 0, scenario.Name);
            Assert.True(run.EventsPerSecond > 0, scenario.Name);
            // Every event sent is acknowledged: applied, or in the duplicates scenario recognized as already applied.
            Assert.Equal(scenario.Options.Duplicates ? (0, run.Sent) : (run.Sent, 0), (run.Applied, run.Duplicates));
        });

        // The duplicates-only run is the empty-grain baseline every other row is read against.
        var emptyGrain = Assert.Single(results.Scenarios, s => s.Options.Duplicates);
        Assert.Equal(emptyGrain.MedianEventsPerSecond, results.Baselines.EmptyGrainEventsPerSecond);
        Assert.Contains("x empty grain", LoadReport.Markdown(results), StringComparison.Ordinal);

        var open = Assert.Single(results.Scenarios, s => s.OpenLoop);
        var run = Assert.Single(open.Runs);
        AssertOrdered(run.AckMs);
        Assert.Equal(run.ProbesSent, run.EnterMs.Count);
        AssertOrdered(run.EnterMs);
    }

    private static void AssertFeedLag(ScenarioResult followed)
    {
        var feed = Assert.IsType<FeedLagRun>(Assert.Single(followed.Runs).Feed);
        Assert.True(feed.HeadAtStop > 0, "the followed segment had no changes");
        Assert.True(feed.WrittenPerSecond > 0);
        // A replay from the start reads at least what the head held when the load stopped (time may add changes).
        Assert.True(feed.Replayed >= feed.HeadAtStop, $"replayed {feed.Replayed} of {feed.HeadAtStop}");
        Assert.True(feed.ReplayPerSecond > 0);
        Assert.Equal(2, feed.Followers.Count);
        Assert.All(feed.Followers, follower =>
        {
            Assert.NotEmpty(follower.Samples);
            Assert.All(follower.Samples, s => Assert.True(s.Entries >= 0 && s.Seconds >= 0 && (s.Entries > 0 || s.Seconds == 0), $"{follower.Follower}: {s}"));
            Assert.NotNull(follower.CatchUp);
            Assert.True(follower.CatchUp >= TimeSpan.Zero);
            Assert.True(follower.Received >= feed.HeadAtStop, $"{follower.Follower} received {follower.Received} of {feed.HeadAtStop}");
        });
    }

    private static void AssertExports(IReadOnlyList<ExportResult> exports)
    {
        Assert.Equal(2, exports.Count);
        Assert.All(exports, export =>
        {
            Assert.True(export.CountBefore > 0, export.Target.ToString());
            Assert.All(export.Runs, r => Assert.True(r.Exported > 0 && r.Pages > 0 && r.MembersPerSecond > 0 && r.Ordered, $"{export.Target}: {r}"));
        });

        // The filled segment has no rule that time can change: the export must match the count exactly.
        var filled = Assert.Single(exports, e => e.Filled is not null);
        Assert.Equal(filled.Filled, filled.CountBefore);
        Assert.True(filled.CountMatches, filled.ToString());

        // The largest workload segment may lose a member to a deadline meanwhile: each pass lies within the counts.
        var largest = Assert.Single(exports, e => e.Filled is null);
        Assert.All(largest.Runs, r => Assert.InRange(r.Exported, Math.Min(largest.CountBefore, largest.CountAfter), Math.Max(largest.CountBefore, largest.CountAfter)));
    }

    private static void AssertOrdered(IReadOnlyList<double> samples)
    {
        Assert.NotEmpty(samples);
        var (p50, p99, p999) = (Percentiles.Of(samples, 0.5), Percentiles.Of(samples, 0.99), Percentiles.Of(samples, 0.999));
        Assert.True(p50 > 0 && p50 <= p99 && p99 <= p999, $"p50 {p50}, p99 {p99}, p999 {p999}");
    }
}
