using System.Globalization;
using ActorSegments.BenchSupport;
using ActorSegments.Protos.V1;
using ActorSegments.Workload;

namespace ActorSegments.Load;

/// <summary>
/// Offers more than the server can take: first its capacity (given, or measured here in closed loop on known
/// customers), then each level — open loop at a multiple of the capacity for <see cref="LoadOptions.Duration"/>, and
/// optionally a burst of calls sent at once — with calls spread over <see cref="LoadOptions.Connections"/> HTTP/2
/// connections, each call carrying <see cref="LoadOptions.Deadline"/>. Every run is a fresh workspace whose customers
/// are warmed first, and ends with the server settled (a one-event call answered) so the next run starts unloaded.
/// </summary>
public static class OverloadRunner
{
    /// <summary>How long the settling call after a run may wait for a server still working off abandoned calls.</summary>
    private static readonly TimeSpan SettleWithin = TimeSpan.FromMinutes(5);

    public static async Task<OverloadResult> RunAsync(string name, LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var connections = Enumerable.Range(0, options.Connections).Select(_ => new LoadConnection(options.Address, options.ApiKey, oneConnection: true)).ToList();
        try
        {
            var measured = options.Capacity <= 0;
            var capacity = measured ? await MeasureCapacityAsync(options, progress, cancellationToken) : options.Capacity;
            var levels = new List<OverloadLevel>();
            foreach (var multiple in options.OverloadMultiples)
            {
                var rate = capacity * multiple;
                var label = string.Create(CultureInfo.InvariantCulture, $"{multiple:0.##}x capacity");
                var (runs, failures) = await RunsAsync(label, options, connections, Schedule(options, rate), options.Runs, progress, cancellationToken);
                levels.Add(new OverloadLevel(label, multiple, rate, runs, failures));
            }

            if (options.Burst > 0)
            {
                var label = string.Create(CultureInfo.InvariantCulture, $"burst of {options.Burst:N0} calls at once");
                // One run: without admission control a burst leaves the server minutes of abandoned work to get through.
                var (runs, failures) = await RunsAsync(label, options, connections, new double[options.Burst], 1, progress, cancellationToken);
                levels.Add(new OverloadLevel(label, 0, 0, runs, failures));
            }

            return new OverloadResult(name, options, capacity, measured, levels);
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }
    }

    /// <summary>The seconds after the start at which each call of an open-loop level leaves.</summary>
    private static double[] Schedule(LoadOptions options, double eventsPerSecond)
    {
        var interval = options.BatchSize / eventsPerSecond;
        var calls = (int)Math.Min(Math.Ceiling(options.Duration.TotalSeconds / interval), options.Events / options.BatchSize);
        return [.. Enumerable.Range(0, calls).Select(i => i * interval)];
    }

    private static async Task<(List<OverloadRun> Runs, List<string> Failures)> RunsAsync(string label, LoadOptions options, List<LoadConnection> connections, double[] schedule, int count, TextWriter progress, CancellationToken cancellationToken)
    {
        var (runs, failures) = (new List<OverloadRun>(), new List<string>());
        for (var run = 1; run <= count; run++)
        {
            progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss} overload, {label}: run {run} of {count}, {schedule.Length:N0} calls of {options.BatchSize}");
            if (await SetUpAsync(options, connections[0], run, progress, cancellationToken) is not { } workspace)
            {
                failures.Add($"{label}, run {run}: the server failed the setup of a fresh workspace {SetupAttempts} times");
                continue;
            }

            var result = await OfferAsync(options, connections, workspace, schedule, cancellationToken);
            var statuses = string.Join(", ", result.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}"));
            progress.WriteLine($"  {statuses}; {result.StoredPerSecond:N0} events/s stored; settling");
            await SettleAsync(connections[0], workspace, progress, cancellationToken);
            runs.Add(result);
        }

        return (runs, failures);
    }

    private const int SetupAttempts = 5;

    /// <summary>
    /// A fresh workspace with the segments live and its customers warmed, or null when the server kept failing that
    /// (an overloaded server without admission control can be left failing calls for minutes).
    /// </summary>
    private static async Task<string?> SetUpAsync(LoadOptions options, LoadConnection connection, int run, TextWriter progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= SetupAttempts; attempt++)
        {
            try
            {
                var workspace = await WorkspaceSetup.CreateAsync(connection, options, run, progress, cancellationToken);
                await OpenLoop.WarmAsync(connection, workspace, Enumerable.Range(0, options.Customers).Select(WorkloadEvents.CustomerId), cancellationToken);
                return workspace;
            }
            catch (Grpc.Core.RpcException ex) when (ex.StatusCode is not (Grpc.Core.StatusCode.Unauthenticated or Grpc.Core.StatusCode.InvalidArgument))
            {
                progress.WriteLine($"  setup attempt {attempt} of {SetupAttempts} failed: {ex.StatusCode} {ex.Status.Detail}");
                await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
            }
        }

        return null;
    }

    private static async Task<OverloadRun> OfferAsync(LoadOptions options, List<LoadConnection> connections, string workspace, double[] schedule, CancellationToken cancellationToken)
    {
        // Built before the clock starts, so that a generator short of CPU (it shares the cores with the server) still
        // sends on schedule; how far it kept to it is reported as the rate it achieved.
        using var live = new WorkloadEvents(options.Customers, options.Seed).Live().GetEnumerator();
        var requests = schedule.Select(_ =>
        {
            var request = new TrackBatchRequest();
            for (var k = 0; k < options.BatchSize && live.MoveNext(); k++)
            {
                request.Events.Add(live.Current.ToProto(workspace));
            }

            return request;
        }).ToArray();
        await using var memory = ProcessMemory.WatchServer(options.CpuWatches);
        var calls = new OverloadCalls(options.Deadline);
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        for (var i = 0; i < schedule.Length; i++)
        {
            var wait = schedule[i] - clock.GetElapsedTime(started).TotalSeconds;
            if (wait > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
            }

            calls.Send(connections[i % connections.Count].Ingest, requests[i], cancellationToken);
        }

        return await calls.FinishAsync(started, clock.GetElapsedTime(started), memory);
    }

    /// <summary>The closed-loop rate of batches on known customers: what the levels are multiples of.</summary>
    private static async Task<double> MeasureCapacityAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        using var connection = new LoadConnection(options.Address, options.ApiKey);
        var rates = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss} overload: capacity, run {run} of {options.Runs} (closed loop, {options.Concurrency} callers)");
            var workspace = await WorkspaceSetup.CreateAsync(connection, options, run, progress, cancellationToken);
            await OpenLoop.WarmAsync(connection, workspace, Enumerable.Range(0, options.Customers).Select(WorkloadEvents.CustomerId), cancellationToken);
            var result = await ClosedLoop.RunAsync(connection, options with { Mode = IngestMode.Batch }, LiveRequests(options, workspace), options.Duration, cancellationToken);
            progress.WriteLine($"  {result.EventsPerSecond:N0} events/s");
            rates.Add(result.EventsPerSecond);
            await SettleAsync(connection, workspace, progress, cancellationToken);
        }

        return Percentiles.Median(rates);
    }

    /// <summary>
    /// Requests of live events built as callers take them (the run ends by its duration long before
    /// <see cref="LoadOptions.Events"/>, which an overload invocation sets far above what it sends).
    /// </summary>
    private static GeneratedRequests LiveRequests(LoadOptions options, string workspace)
    {
        var live = new WorkloadEvents(options.Customers, options.Seed).Live().GetEnumerator();
        return new GeneratedRequests((int)Math.Min(options.Events / options.BatchSize, int.MaxValue), _ =>
        {
            var request = new TrackBatchRequest();
            lock (live)
            {
                for (var k = 0; k < options.BatchSize && live.MoveNext(); k++)
                {
                    request.Events.Add(live.Current.ToProto(workspace));
                }
            }

            return request;
        });
    }

    /// <summary>One event, retried until stored: returns once the server has worked off what the run left it.</summary>
    private static async Task SettleAsync(LoadConnection connection, string workspace, TextWriter progress, CancellationToken cancellationToken)
    {
        var customer = WorkloadEvents.CustomerId(0);
        var request = new TrackBatchRequest
        {
            Events = { new WorkloadEvent(customer, $"{customer}-settle-{Guid.NewGuid():N}", "page_viewed", DateTimeOffset.UtcNow, new Dictionary<string, object> { ["path"] = "/" }).ToProto(workspace) },
        };
        try
        {
            await Senders.WithRetriesAsync(() => connection.Ingest.TrackBatchAsync(request, deadline: DateTime.UtcNow + SettleWithin, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
        }
        catch (Grpc.Core.RpcException ex)
        {
            progress.WriteLine($"  the server did not settle: {ex.StatusCode} {ex.Status.Detail}");
        }
    }
}
