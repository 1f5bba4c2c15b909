using System.Globalization;
using ActorSegments.Protos.V1;
using ActorSegments.Workload;

namespace ActorSegments.Load;

/// <summary>
/// Fixed rate: requests leave on a schedule whatever the server answers (a late answer does not delay the next
/// send), carrying live events stamped now. Some requests carry a probe event instead of their first event; the
/// probe watch times it to the segment entry it causes. Latency is timed from the moment each request is sent.
/// </summary>
internal static class OpenLoop
{
    public static async Task<RunResult> RunAsync(LoadConnection connection, LoadOptions options, string workspace, TextWriter progress, CancellationToken cancellationToken)
    {
        var probes = (int)Math.Ceiling(options.ProbesPerSecond * options.Duration.TotalSeconds);
        await WarmAsync(connection, workspace, Enumerable.Range(0, options.Customers).Select(WorkloadEvents.CustomerId), cancellationToken);
        await WarmAsync(connection, workspace, Enumerable.Range(0, probes).Select(ProbeWatch.Customer), cancellationToken);
        await using var watch = new ProbeWatch(connection, workspace);
        var senders = Enumerable.Range(0, options.Mode == IngestMode.Stream ? options.Concurrency : 1)
            .Select(_ => Senders.Create(options.Mode, connection)).ToArray();
        var live = new WorkloadEvents(options.Customers, options.Seed).Live().GetEnumerator();
        var ackMs = new List<double>();
        var timeline = new List<(double SentSecond, double Ms)>();
        var inFlight = new List<Task<Ack>>();
        var perRequest = options.EventsPerRequest;
        var interval = perRequest / options.Rate;
        var probeInterval = 1.0 / Math.Max(options.ProbesPerSecond, 1e-9);
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        long sent = 0;
        var probesSent = 0;
        var maxLagMs = 0.0;
        for (var i = 0L; sent + perRequest <= options.Events; i++)
        {
            var due = i * interval;
            if (due >= options.Duration.TotalSeconds)
            {
                break;
            }

            var wait = due - clock.GetElapsedTime(started).TotalSeconds;
            if (wait > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
            }

            maxLagMs = Math.Max(maxLagMs, (clock.GetElapsedTime(started).TotalSeconds - due) * 1000);
            var request = new TrackBatchRequest();
            for (var k = 0; k < perRequest && live.MoveNext(); k++)
            {
                request.Events.Add(live.Current.ToProto(workspace));
            }

            if (probesSent < probes && due >= probesSent * probeInterval)
            {
                var customer = ProbeWatch.Customer(probesSent++);
                request.Events[0] = Probe(workspace, customer);
                watch.Sending(customer);
            }

            sent += request.Events.Count;
            inFlight.Add(TimedAsync(senders[i % senders.Length], request, ackMs, timeline, started, cancellationToken));
        }

        var acks = await Task.WhenAll(inFlight);
        var elapsed = clock.GetElapsedTime(started);
        await WaitForProbesAsync(watch, probesSent, cancellationToken);
        foreach (var sender in senders)
        {
            await sender.DisposeAsync();
        }

        progress.WriteLine($"  open loop: {inFlight.Count} requests, latest send {maxLagMs:0.0} ms behind schedule, {watch.Seen}/{probesSent} probe entries seen");
        progress.WriteLine($"  slow half-seconds (sent at s: slowest ack ms, requests): {SlowHalfSeconds(timeline)}");
        return new RunResult(sent, acks.Sum(a => a.Applied), acks.Sum(a => a.Duplicates), elapsed, ackMs, watch.EnterMs(), probesSent);
    }

    private static async Task<Ack> TimedAsync(IBatchSender sender, TrackBatchRequest request, List<double> ackMs, List<(double, double)> timeline, long started, CancellationToken cancellationToken)
    {
        var sentAt = TimeProvider.System.GetTimestamp();
        var ack = await sender.SendAsync(request, cancellationToken);
        var ms = TimeProvider.System.GetElapsedTime(sentAt).TotalMilliseconds;
        lock (ackMs)
        {
            ackMs.Add(ms);
            timeline.Add((TimeProvider.System.GetElapsedTime(started, sentAt).TotalSeconds, ms));
        }

        return ack;
    }

    /// <summary>
    /// When the slow acknowledgements were sent, by half second of the run: one stall delays every request sent during
    /// it, so a tail made of a single stall and one made of scattered slow requests look the same in percentiles.
    /// </summary>
    private static string SlowHalfSeconds(List<(double SentSecond, double Ms)> timeline)
    {
        var slow = timeline.GroupBy(t => Math.Floor(t.SentSecond * 2) / 2)
            .Select(g => (At: g.Key, Max: g.Max(t => t.Ms), Count: g.Count()))
            .Where(b => b.Max >= 100)
            .OrderBy(b => b.At)
            .Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.At:0.0}: {b.Max:0} ({b.Count})"))
            .ToList();
        return slow.Count == 0 ? "none of 100 ms or more" : string.Join(", ", slow);
    }

    private static Event Probe(string workspace, string customer) =>
        new WorkloadEvent(customer, $"{customer}-reply", WorkspaceSetup.ProbeEventType, DateTimeOffset.UtcNow, new Dictionary<string, object> { ["campaign"] = "probe" })
            .ToProto(workspace);

    /// <summary>
    /// One ordinary event per customer, before the clock starts: latency is measured for customers the server already
    /// knows (active, as a steady stream finds them), not during the first activation of thousands of new customers
    /// at once, which costs several times an event (reads that find nothing, every segment evaluated) and is what the
    /// closed-loop runs include.
    /// </summary>
    internal static async Task WarmAsync(LoadConnection connection, string workspace, IEnumerable<string> customers, CancellationToken cancellationToken)
    {
        var sender = Senders.Create(IngestMode.Batch, connection);
        foreach (var chunk in customers.Chunk(500))
        {
            var request = new TrackBatchRequest();
            request.Events.AddRange(chunk.Select(c => new WorkloadEvent(c, $"{c}-warm", "page_viewed", DateTimeOffset.UtcNow, new Dictionary<string, object> { ["path"] = "/" }).ToProto(workspace)));
            await sender.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Entries still on their way when the last acknowledgement came are waited for, up to ten seconds.</summary>
    private static async Task WaitForProbesAsync(ProbeWatch watch, int probes, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (10 * TimeProvider.System.TimestampFrequency);
        while (watch.Seen < probes && TimeProvider.System.GetTimestamp() < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
