using System.Globalization;
using System.Text;
using ActorSegments.BenchSupport;

namespace ActorSegments.Load;

/// <summary>One scenario's followed change feed as markdown: a caption, a row per follower, and what the figures mean.</summary>
internal static class FeedLagReport
{
    public static string Markdown(ScenarioResult scenario)
    {
        var feeds = scenario.Runs.Select(r => r.Feed).OfType<FeedLagRun>().ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Change feed of `{feeds[0].Segment}` during \"{scenario.Name}\" ({Runs(feeds.Count)}): {Percentiles.Median(feeds.Select(f => (double)f.HeadAtStop)):N0} changes at the end of the load (median), " +
            $"written at {LoadReport.MedianRange(feeds.Select(f => f.WrittenPerSecond))} changes/s; replayed from the start after the load, ListChanges pages of {ApiLimits.MaxPageSize:N0}, " +
            $"at {LoadReport.MedianRange(feeds.Select(f => f.ReplayPerSecond))} changes/s.");
        text.AppendLine();
        text.AppendLine("| follower, from the start of the feed | samples | behind, changes p50 / p99 / max | behind, seconds p50 / p99 / max | caught up after the load, s median (min–max) |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var follower in feeds.SelectMany(f => f.Followers).GroupBy(f => f.Follower))
        {
            var samples = follower.SelectMany(f => f.Samples).ToList();
            var caughtUp = follower.Where(f => f.CatchUp is not null).Select(f => f.CatchUp!.Value.TotalSeconds).ToList();
            var missed = follower.Count() - caughtUp.Count;
            var notCaughtUp = missed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Runs(missed)} not caught up") : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {follower.Key} | {samples.Count} | {LoadReport.Percentiles(samples.Select(s => (double)s.Entries), "N0", 0.5, 0.99, 1)} " +
                $"| {LoadReport.Percentiles(samples.Select(s => s.Seconds), "0.00", 0.5, 0.99, 1)} | {LoadReport.MedianRange(caughtUp, "0.00")}{notCaughtUp} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Lag, sampled every {scenario.Options.LagSampleInterval.TotalSeconds:0.##} s while the load runs: the feed's head is read by paging ListChanges until a short page; " +
            $"a follower is behind by the changes at the head it has not received, and by the time since the oldest of them was logged " +
            $"(logged_at: the commit, microseconds on PostgreSQL; changed_at is whole seconds). Caught up: from the last acknowledgement " +
            $"until the follower has every change the head held then.");
        return text.ToString();
    }

    private static string Runs(int count) => count == 1 ? "1 run" : string.Create(CultureInfo.InvariantCulture, $"{count} runs");
}
