using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ActorSegments.BenchSupport;
using ActorSegments.Load;
using ActorSegments.Protos.V1;
using ActorSegments.Testing.Webhooks;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.WebhookBench;

/// <summary>
/// One run in a fresh workspace: segments whose memberships change as customers view and buy (enters, and exits of
/// "browsers" on a first purchase), optionally a destination for every segment delivering to a receiver in this
/// process, then a closed loop of TrackBatch calls for the run's duration. With a destination, the run then waits for
/// the backlog and reads each segment's feed: the truth deliveries are measured against.
/// </summary>
internal static class BenchRun
{
    private static readonly (string Id, string Rule)[] Segments =
    [
        ("viewers", "did(product_viewed)"),
        ("engaged", "count(product_viewed) >= 3"),
        ("buyers", "did(purchase)"),
        ("browsers", "count(product_viewed) >= 2 and not did(purchase)"),
    ];

    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(60);

    public static async Task<RunFigures> RunAsync(LoadConnection connection, BenchSettings settings, int run, bool withWebhook, TextWriter progress, CancellationToken ct)
    {
        var workspace = string.Create(CultureInfo.InvariantCulture, $"hooks-{DateTime.UtcNow:HHmmss}-{run}-{(withWebhook ? "on" : "off")}-{Random.Shared.Next(100_000):D5}");
        await DefineAsync(connection, workspace, ct);
        await using var receiver = await WebhookReceiver.StartAsync();
        if (withWebhook)
        {
            var created = await connection.Webhooks.CreateWebhookAsync(new CreateWebhookRequest
            {
                WorkspaceId = workspace,
                Webhook = new Webhook { WebhookId = "all", Url = receiver.Url, BatchSize = settings.WebhookBatch, MaxDelay = Duration.FromTimeSpan(settings.WebhookMaxDelay) },
            }, deadline: Deadline(), cancellationToken: ct);
            receiver.Secret = created.Secret;
        }

        var cpuBefore = ProcessCpu.Read(settings.CpuWatches);
        var started = DateTimeOffset.UtcNow;
        var events = await IngestAsync(connection, workspace, settings, run, ct);
        var ingestEnded = DateTimeOffset.UtcNow;
        var cpuAfter = ProcessCpu.Read(settings.CpuWatches);
        var elapsed = (ingestEnded - started).TotalSeconds;
        var serverCpu = cpuAfter.GetValueOrDefault("server") - cpuBefore.GetValueOrDefault("server");
        var name = string.Create(CultureInfo.InvariantCulture, $"{run}");
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workspace}: {events} events in {elapsed:0.0} s, server CPU {serverCpu:0.0} s"));
        var ingest = (EventsPerSecond: events / elapsed, CpuMs: events == 0 ? double.NaN : serverCpu * 1000 / (events / 1000.0));
        if (!withWebhook)
        {
            return new RunFigures(name, false, ingest.EventsPerSecond, ingest.CpuMs, ingest.CpuMs, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var feed = await DrainAsync(connection, workspace, receiver, settings.DrainLimit, progress, ct);
        var deliveredCpu = ProcessCpu.Read(settings.CpuWatches).GetValueOrDefault("server") - cpuBefore.GetValueOrDefault("server");
        await connection.Webhooks.DeleteWebhookAsync(new DeleteWebhookRequest { WorkspaceId = workspace, WebhookId = "all" }, deadline: Deadline(), cancellationToken: ct);
        return Deliveries(name, ingest.EventsPerSecond, ingest.CpuMs, deliveredCpu * 1000 / (events / 1000.0), started, ingestEnded, feed, receiver);
    }

    private static async Task DefineAsync(LoadConnection connection, string workspace, CancellationToken ct)
    {
        await connection.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, deadline: Deadline(), cancellationToken: ct);
        await Task.WhenAll(Segments.Select(s => connection.Segments.CreateSegmentAsync(
            new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = s.Id, Rule = s.Rule }, deadline: Deadline(), cancellationToken: ct).ResponseAsync));
        var limit = Stopwatch.StartNew();
        while ((await connection.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = workspace }, deadline: Deadline(), cancellationToken: ct)).Segments.Count(s => s.Status == SegmentStatus.Live) < Segments.Length)
        {
            if (limit.Elapsed > CallLimit)
            {
                throw new TimeoutException($"the segments of {workspace} are not live after {CallLimit.TotalSeconds:0} s");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>Callers in a closed loop until the duration passes; each event a view (three in four) or a purchase of a customer new to the run.</summary>
    private static async Task<long> IngestAsync(LoadConnection connection, string workspace, BenchSettings settings, int run, CancellationToken ct)
    {
        long events = 0;
        long batches = 0;
        var until = DateTimeOffset.UtcNow + settings.Duration;
        await Task.WhenAll(Enumerable.Range(0, settings.Callers).Select(async caller =>
        {
            var random = new Random((run * 1000) + caller);
            while (DateTimeOffset.UtcNow < until)
            {
                var number = Interlocked.Increment(ref batches);
                var batch = new TrackBatchRequest();
                var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
                for (var i = 0; i < settings.BatchSize; i++)
                {
                    batch.Events.Add(new Event
                    {
                        WorkspaceId = workspace,
                        CustomerId = string.Create(CultureInfo.InvariantCulture, $"c{random.Next(settings.Customers):D6}"),
                        EventId = string.Create(CultureInfo.InvariantCulture, $"b{number}-{i}"),
                        Type = random.Next(4) == 0 ? "purchase" : "product_viewed",
                        OccurredAt = now,
                    });
                }

                await connection.Ingest.TrackBatchAsync(batch, deadline: Deadline(), cancellationToken: ct);
                Interlocked.Add(ref events, settings.BatchSize);
            }
        }));
        return events;
    }

    /// <summary>Waits until the receiver has every change of every segment's feed (or the limit passes); returns the feed.</summary>
    private static async Task<List<CommittedChange>> DrainAsync(LoadConnection connection, string workspace, WebhookReceiver receiver, TimeSpan limit, TextWriter progress, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var feed = await FeedAsync(connection, workspace, ct);
            var received = receiver.DistinctChanges().Count;
            if (received >= feed.Count || waited.Elapsed > limit)
            {
                if (received < feed.Count)
                {
                    progress.WriteLine($"{workspace}: only {received} of {feed.Count} changes received after {limit.TotalSeconds:0} s");
                }

                return feed;
            }

            await Task.Delay(500, ct);
        }
    }

    private static async Task<List<CommittedChange>> FeedAsync(LoadConnection connection, string workspace, CancellationToken ct)
    {
        var all = new List<CommittedChange>();
        foreach (var (segment, _) in Segments)
        {
            for (var cursor = string.Empty; ;)
            {
                var page = await connection.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = workspace, SegmentId = segment, Cursor = cursor, PageSize = 1000 }, deadline: Deadline(), cancellationToken: ct);
                // A change's id in webhook messages, to join with what was received.
                all.AddRange(page.Changes.Select(c => new CommittedChange($"{segment}:{c.Cursor}", c.LoggedAt.ToDateTimeOffset())));
                if (page.Changes.Count == 0)
                {
                    break;
                }

                cursor = page.NextCursor;
            }
        }

        return all;
    }

    private static RunFigures Deliveries(string name, double eventsPerSecond, double cpuMs, double deliveredCpuMs, DateTimeOffset started, DateTimeOffset ingestEnded, List<CommittedChange> feed, WebhookReceiver receiver)
    {
        var firstReceipt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var message in receiver.Accepted)
        {
            using var json = JsonDocument.Parse(message.Body);
            foreach (var change in json.RootElement.GetProperty("changes").EnumerateArray())
            {
                firstReceipt.TryAdd(change.GetProperty("id").GetString()!, message.ReceivedAt);
            }
        }

        var lags = feed.Where(c => firstReceipt.ContainsKey(c.Id)).Select(c => (firstReceipt[c.Id] - c.LoggedAt).TotalMilliseconds).Order().ToList();
        var lastReceipt = receiver.Accepted.Count == 0 ? started : receiver.Accepted.Max(m => m.ReceivedAt);
        var span = (lastReceipt - started).TotalSeconds;
        return new RunFigures(
            name,
            true,
            eventsPerSecond,
            cpuMs,
            deliveredCpuMs,
            firstReceipt.Count,
            receiver.Accepted.Count,
            firstReceipt.Count / span,
            receiver.Accepted.Count / span,
            Percentiles.Of(lags, 0.5),
            Percentiles.Of(lags, 0.99),
            lags.Count == 0 ? double.NaN : lags[^1],
            Math.Max(0, (lastReceipt - ingestEnded).TotalSeconds));
    }

    private static DateTime Deadline() => DateTime.UtcNow + CallLimit;

    /// <summary>A change of the feed: its id in webhook messages (<c>{segment}:{cursor}</c>) and when it was committed.</summary>
    private sealed record CommittedChange(string Id, DateTimeOffset LoggedAt);
}
