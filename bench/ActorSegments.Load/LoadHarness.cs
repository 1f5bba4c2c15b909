using ActorSegments.Workload;

namespace ActorSegments.Load;

/// <summary>Runs a scenario <see cref="LoadOptions.Runs"/> times, each in a fresh workspace of its own.</summary>
public static class LoadHarness
{
    public static async Task<ScenarioResult> RunAsync(string name, LoadOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        using var connection = new LoadConnection(options.Address, options.ApiKey);
        var runs = new List<RunResult>();
        for (var run = 1; run <= options.Runs; run++)
        {
            progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {name}: run {run} of {options.Runs}");
            var workspace = await WorkspaceSetup.CreateAsync(connection, options, run, progress, cancellationToken);
            var result = options.Rate > 0
                ? await ProcessCpu.MeasureAsync(options.CpuWatches, () => OpenLoop.RunAsync(connection, options, workspace, progress, cancellationToken))
                : await ClosedRunAsync(connection, options, workspace, progress, cancellationToken);
            progress.WriteLine($"  {result.Acknowledged:N0} of {result.Sent:N0} events acknowledged in {result.Elapsed.TotalSeconds:0.0} s: {result.EventsPerSecond:N0} events/s");
            runs.Add(result);
        }

        return new ScenarioResult(name, options, runs);
    }

    /// <summary>
    /// The throughput scenario, then the same at <paramref name="fraction"/> of its median rate in open loop, for
    /// latency at a known load.
    /// </summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunWithLatencyAsync(string name, LoadOptions options, double fraction, TimeSpan latencyDuration, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var throughput = await RunAsync(name, options with { Rate = 0 }, progress, cancellationToken);
        var rate = Math.Max(throughput.MedianEventsPerSecond * fraction, 1);
        var latency = await RunAsync($"{name}, open loop at {fraction:P0} of max", options with { Rate = rate, Duration = latencyDuration }, progress, cancellationToken);
        return [throughput, latency];
    }

    /// <summary>The export scenario (see <see cref="MemberExport"/>).</summary>
    public static async Task<ExportResult> ExportAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        using var connection = new LoadConnection(options.Address, options.ApiKey);
        return await MemberExport.RunAsync(connection, options, progress, cancellationToken);
    }

    /// <summary>The unmeasured first pass of a duplicates run is bounded by its events, and by this as a backstop.</summary>
    private static readonly TimeSpan FirstPassLimit = TimeSpan.FromMinutes(10);

    private static async Task<RunResult> ClosedRunAsync(LoadConnection connection, LoadOptions options, string workspace, TextWriter progress, CancellationToken cancellationToken)
    {
        if (options.Warm)
        {
            await OpenLoop.WarmAsync(connection, workspace, Enumerable.Range(0, options.Customers).Select(WorkloadEvents.CustomerId), cancellationToken);
            progress.WriteLine($"  warmed {options.Customers:N0} customers with one event each");
        }

        // Built after warming, so that with live times the events follow the customers' experiment assignments.
        var requests = EventMapping.HistoryBatches(options, workspace);
        if (!options.Duplicates)
        {
            Task<RunResult> LoadAsync() => ProcessCpu.MeasureAsync(options.CpuWatches, () => ClosedLoop.RunAsync(connection, options, requests, options.Duration, cancellationToken));
            return options.FollowSegment is null
                ? await LoadAsync()
                : await FeedLag.RunAsync(connection, options, workspace, LoadAsync, progress, cancellationToken);
        }

        // The first pass applies the events (not measured); the measured pass resends the requests it completed.
        var first = await ClosedLoop.RunAsync(connection, options, requests, FirstPassLimit, cancellationToken);
        progress.WriteLine($"  first pass applied {first.Applied:N0} events; resending them");
        return await ProcessCpu.MeasureAsync(options.CpuWatches, () => ClosedLoop.RunAsync(connection, options, requests, options.Duration, cancellationToken));
    }
}
