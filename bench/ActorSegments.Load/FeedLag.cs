using System.Diagnostics;

namespace ActorSegments.Load;

/// <summary>
/// Change-feed lag under load. While a closed-loop run goes, two followers tail one segment's feed from its start (a
/// WatchChanges stream and a ListChanges paging job), and at every sample interval the head is read (see
/// <see cref="FeedHead"/>) and each follower's lag taken: the changes at the head it has not received, and the
/// seconds since the oldest of them was logged (both 0 when it has them all). After the last acknowledgement the head
/// is read once more; a follower's catch-up is the time from the last acknowledgement until it has received that
/// many changes. Last, a new reader pages the whole feed from the start as fast as it can: the replay rate.
/// </summary>
internal static class FeedLag
{
    /// <summary>A follower that has not caught up by then is reported as not caught up, and the run goes on.</summary>
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(2);

    public static async Task<RunResult> RunAsync(LoadConnection connection, LoadOptions options, string workspace, Func<Task<RunResult>> load, TextWriter progress, CancellationToken cancellationToken)
    {
        var segment = options.FollowSegment ?? throw new ArgumentException("No segment to follow.", nameof(options));
        var head = new FeedHead(connection, workspace, segment);
        await using var watch = new WatchFollower(connection, workspace, segment);
        await using var paging = new PagingFollower(connection, workspace, segment);
        IFeedFollower[] followers = [watch, paging];
        var samples = followers.Select(_ => new List<LagSample>()).ToArray();

        var running = load();
        while (await Task.WhenAny(running, Task.Delay(options.LagSampleInterval, cancellationToken)) != running)
        {
            await head.ReadAsync(cancellationToken);
            var now = DateTime.UtcNow;
            for (var i = 0; i < followers.Length; i++)
            {
                samples[i].Add(head.LagOf(followers[i].Received, now));
            }
        }

        var result = await running;
        var stopped = Stopwatch.StartNew();
        await head.ReadAsync(cancellationToken);
        var catchUp = await CatchUpAsync(followers, head.Count, stopped, cancellationToken);
        var (replayed, replayElapsed) = await ReplayAsync(connection, workspace, segment, cancellationToken);
        var feed = new FeedLagRun(
            segment,
            head.Count,
            result.Elapsed,
            [.. followers.Select((f, i) => new FollowerLag(f.Name, samples[i], catchUp[i], f.Received))],
            replayed,
            replayElapsed);
        progress.WriteLine($"  feed of {segment}: {feed.HeadAtStop:N0} changes; caught up after {string.Join(" / ", catchUp.Select(c => c is { } t ? $"{t.TotalSeconds:0.00} s" : "never"))}; replay {feed.ReplayPerSecond:N0} changes/s");
        return result with { Feed = feed };
    }

    /// <summary>For each follower, the time since the load stopped until it had received <paramref name="target"/> changes.</summary>
    private static async Task<TimeSpan?[]> CatchUpAsync(IFeedFollower[] followers, long target, Stopwatch sinceStop, CancellationToken cancellationToken)
    {
        var caughtUp = new TimeSpan?[followers.Length];
        while (sinceStop.Elapsed < CatchUpLimit)
        {
            for (var i = 0; i < followers.Length; i++)
            {
                if (caughtUp[i] is null && followers[i].Received >= target)
                {
                    caughtUp[i] = sinceStop.Elapsed;
                }
            }

            if (caughtUp.All(c => c is not null))
            {
                break;
            }

            await Task.Delay(5, cancellationToken);
        }

        return caughtUp;
    }

    private static async Task<(long Replayed, TimeSpan Elapsed)> ReplayAsync(LoadConnection connection, string workspace, string segment, CancellationToken cancellationToken)
    {
        var pages = new ChangePages(connection, workspace, segment);
        var watch = Stopwatch.StartNew();
        await pages.ToHeadAsync(_ => { }, cancellationToken);
        return (pages.Read, watch.Elapsed);
    }
}

/// <summary>One follower's lag at a sample: changes at the head not yet received, and seconds since the oldest was logged.</summary>
public readonly record struct LagSample(long Entries, double Seconds);

/// <summary>One follower over one run: its samples, when it caught up after the load (null: not within the limit), what it received.</summary>
public sealed record FollowerLag(string Follower, IReadOnlyList<LagSample> Samples, TimeSpan? CatchUp, long Received);

/// <summary>The followed segment's feed in one run.</summary>
public sealed record FeedLagRun(string Segment, long HeadAtStop, TimeSpan LoadElapsed, IReadOnlyList<FollowerLag> Followers, long Replayed, TimeSpan ReplayElapsed)
{
    /// <summary>Changes written to the feed per second of load.</summary>
    public double WrittenPerSecond => HeadAtStop / Math.Max(LoadElapsed.TotalSeconds, 1e-9);

    public double ReplayPerSecond => Replayed / Math.Max(ReplayElapsed.TotalSeconds, 1e-9);
}
