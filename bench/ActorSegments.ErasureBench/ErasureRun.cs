using System.Diagnostics;
using ActorSegments.BenchSupport;
using ActorSegments.Load;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.ErasureBench;

/// <summary>
/// One run: a fresh workspace with three segments, customers seeded into them, then every customer erased by a fixed
/// number of callers; the segment counts are checked to drop to zero.
/// </summary>
internal static class ErasureRun
{
    private static readonly (string Id, string Rule)[] Segments =
        [("viewers", "did(product_viewed)"), ("buyers", "did(purchase)"), ("us", "trait.country = \"US\"")];

    public static async Task<RunFigures> RunAsync(LoadConnection connection, int run, int customers, int callers, TextWriter progress, CancellationToken cancellationToken)
    {
        var workspace = $"erase-{run}-{Guid.NewGuid():N}"[..24];
        await connection.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, cancellationToken: cancellationToken);
        foreach (var (id, rule) in Segments)
        {
            await connection.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = id, Rule = rule }, cancellationToken: cancellationToken);
        }

        await UntilAsync(async () => (await connection.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = workspace }, cancellationToken: cancellationToken)).Segments.All(s => s.Status == SegmentStatus.Live), cancellationToken);
        var ids = Enumerable.Range(0, customers).Select(i => $"c{i:D6}").ToArray();
        await SeedAsync(connection, workspace, ids, cancellationToken);
        await progress.WriteLineAsync($"run {run}: {customers} customers seeded in {workspace}; erasing with {callers} callers");

        var latencies = new double[customers];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < customers)
            {
                var started = Stopwatch.GetTimestamp();
                await connection.Profiles.DeleteCustomerAsync(new DeleteCustomerRequest { WorkspaceId = workspace, CustomerId = ids[i] }, cancellationToken: cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var elapsed = clock.Elapsed;
        await UntilAsync(async () => (await connection.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = workspace }, cancellationToken: cancellationToken)).Segments.All(s => s.Members == 0), cancellationToken);
        return new RunFigures(run, customers, customers / elapsed.TotalSeconds, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99));
    }

    /// <summary>Five events and an identify call per customer, in batches of 200 events.</summary>
    private static async Task SeedAsync(LoadConnection connection, string workspace, string[] ids, CancellationToken cancellationToken)
    {
        var at = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1));
        await Parallel.ForEachAsync(ids.Chunk(40), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            var batch = new TrackBatchRequest();
            foreach (var id in chunk)
            {
                string[] types = ["product_viewed", "product_viewed", "cart_added", "purchase", "email_opened"];
                batch.Events.AddRange(types.Select((type, k) => new Event { WorkspaceId = workspace, CustomerId = id, EventId = $"{id}-{k}", Type = type, OccurredAt = at }));
            }

            await connection.Ingest.TrackBatchAsync(batch, cancellationToken: ct);
            foreach (var id in chunk)
            {
                await connection.Ingest.IdentifyAsync(new IdentifyRequest { WorkspaceId = workspace, CustomerId = id, Traits = { ["country"] = Value.ForString("US") } }, cancellationToken: ct);
            }
        });
    }

    private static async Task UntilAsync(Func<Task<bool>> done, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        while (!await done())
        {
            await Task.Delay(100, limit.Token);
        }
    }
}
