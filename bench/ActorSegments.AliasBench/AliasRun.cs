using System.Diagnostics;
using ActorSegments.BenchSupport;
using ActorSegments.Load;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.AliasBench;

/// <summary>
/// One run in a fresh workspace: each pair's anonymous id gets purchases and its known id one purchase and an identify
/// call (not timed), then every pair is linked by Alias from a closed loop of callers (timed).
/// </summary>
internal static class AliasRun
{
    private const int BatchSize = 500;
    private const int IdentifyConcurrency = 32;

    public static async Task<AliasFigures> RunAsync(LoadConnection connection, int run, int pairs, int events, int callers, TextWriter progress, CancellationToken cancellationToken)
    {
        var workspace = await CreateWorkspaceAsync(connection, $"alias-{DateTime.UtcNow:yyyyMMddHHmmss}-{run}", events, cancellationToken);
        await FillAsync(connection, workspace, pairs, events, cancellationToken);
        await progress.WriteLineAsync($"run {run}: {pairs} pairs filled; linking");

        var latencies = new double[pairs];
        var applied = 0;
        long moved = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < pairs; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                var response = await connection.Ingest.AliasAsync(new AliasRequest
                {
                    WorkspaceId = workspace,
                    CustomerId = $"known-{i}",
                    PreviousId = $"anon-{i}",
                    LinkId = $"link-{i}",
                }, cancellationToken: cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.Outcome == EventOutcome.Applied)
                {
                    Interlocked.Increment(ref applied);
                    Interlocked.Add(ref moved, response.MergedEvents);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return new AliasFigures(run.ToString(System.Globalization.CultureInfo.InvariantCulture), pairs / seconds, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99), applied, moved);
    }

    /// <summary>A fresh workspace with two segments the links change: buyers (both ids) and repeat (the merged customer only).</summary>
    private static async Task<string> CreateWorkspaceAsync(LoadConnection connection, string workspace, int events, CancellationToken cancellationToken)
    {
        await connection.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, cancellationToken: cancellationToken);
        await connection.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: cancellationToken);
        await connection.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = "repeat", Rule = $"count(purchase) > {events}" }, cancellationToken: cancellationToken);
        for (var attempt = 0; attempt < 240; attempt++)
        {
            var list = await connection.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = workspace }, cancellationToken: cancellationToken);
            if (list.Segments.All(s => s.Status == SegmentStatus.Live))
            {
                return workspace;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        throw new TimeoutException($"The segments of {workspace} did not go live.");
    }

    private static async Task FillAsync(LoadConnection connection, string workspace, int pairs, int events, CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        var all = Enumerable.Range(0, pairs).SelectMany(i => Enumerable.Range(0, events).Select(e => Purchase(workspace, $"anon-{i}", $"a-{i}-{e}", at.AddMinutes(e)))
            .Append(Purchase(workspace, $"known-{i}", $"k-{i}", at.AddHours(1))));
        foreach (var chunk in all.Chunk(BatchSize))
        {
            await connection.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { chunk } }, cancellationToken: cancellationToken);
        }

        for (var i = 0; i < pairs; i += IdentifyConcurrency)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(IdentifyConcurrency, pairs - i)).Select(k => connection.Ingest.IdentifyAsync(new IdentifyRequest
            {
                WorkspaceId = workspace,
                CustomerId = $"known-{k}",
                UpdateId = $"u-{k}",
                Traits = { ["plan"] = Value.ForString("gold") },
            }, cancellationToken: cancellationToken).ResponseAsync));
        }
    }

    private static Event Purchase(string workspace, string customer, string id, DateTimeOffset at) => new()
    {
        WorkspaceId = workspace,
        CustomerId = customer,
        EventId = id,
        Type = "purchase",
        OccurredAt = Timestamp.FromDateTimeOffset(at),
        Properties = { ["revenue"] = Value.ForNumber(20) },
    };
}
