namespace ActorSegments.Load;

/// <summary>
/// Every scenario kind once, small: enough to show the harness works end to end against a server (the CI smoke
/// test), never enough to say anything about speed.
/// </summary>
public static class QuickRun
{
    /// <summary>
    /// A workload segment whose feed changes at a steady rate all through the history (about one change per 23
    /// events): customers enter when they leave a cart and leave when they buy or empty it. new-visitors has more
    /// changes in all, but nearly all of them in the first third of a run, while customers are new.
    /// </summary>
    public const string FollowedSegment = "cart-abandoners";

    public static LoadOptions Options(Uri address, string? apiKey) => new()
    {
        Address = address,
        ApiKey = apiKey,
        Customers = 300,
        Events = 3_000,
        BatchSize = 100,
        Concurrency = 2,
        Duration = TimeSpan.FromSeconds(30),
        Runs = 1,
        ProbesPerSecond = 50,
        LagSampleInterval = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>
    /// With <paramref name="postgres"/> (the server's database) the raw COPY baseline is measured first; the
    /// duplicates-only run comes before the other ingest scenarios so that their rows are read against both.
    /// </summary>
    public static async Task<LoadResults> RunAsync(Uri address, string? apiKey, string? postgres, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var options = Options(address, apiKey);
        var rawCopy = postgres is null ? null : await RawCopyBaseline.RunAsync(postgres, options, progress, cancellationToken);
        var results = new List<ScenarioResult>
        {
            await LoadHarness.RunAsync("duplicates only (empty grain)", options with { Duplicates = true }, progress, cancellationToken),
        };
        results.AddRange(await LoadHarness.RunWithLatencyAsync("batch", options, 0.5, TimeSpan.FromSeconds(3), progress, cancellationToken));
        results.Add(await LoadHarness.RunAsync("stream", options with { Mode = IngestMode.Stream }, progress, cancellationToken));
        results.Add(await LoadHarness.RunAsync("unary", options with { Mode = IngestMode.Unary, Events = 300 }, progress, cancellationToken));
        // More events, so that the load lasts several samples even in memory.
        results.Add(await LoadHarness.RunAsync("batch, feed followed", options with { Events = 20_000, FollowSegment = FollowedSegment }, progress, cancellationToken));
        ExportResult[] exports =
        [
            await LoadHarness.ExportAsync(options, progress, cancellationToken),
            await LoadHarness.ExportAsync(options with { ExportCustomers = 1_000 }, progress, cancellationToken),
        ];
        return new LoadResults(results, rawCopy, exports, new Baselines().With(rawCopy, results));
    }
}
