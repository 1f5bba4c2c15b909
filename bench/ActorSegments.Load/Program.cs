using System.CommandLine;
using ActorSegments.Load;

// Drives a running server over gRPC and prints markdown tables to stdout; progress goes to stderr.
var address = new Option<string>("--address") { Description = "The server's gRPC address", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
var apiKey = new Option<string?>("--api-key") { Description = "A key that may create workspaces (the bootstrap key); default $ACTORSEGMENTS_API_KEY" };
var scenarioKind = new Option<string>("--scenario") { Description = "ingest: send events; raw-copy: only the raw COPY baseline (needs --postgres); export: page a segment's members; overload: offer multiples of the capacity, calls not retried", DefaultValueFactory = _ => "ingest" };
scenarioKind.AcceptOnlyFromAmong("ingest", "raw-copy", "export", "overload");
var name = new Option<string>("--name") { Description = "The scenario's name in the table", DefaultValueFactory = _ => "load" };
var quick = new Option<bool>("--quick") { Description = "Every scenario kind once, small (a smoke test, not a measurement); other options but --address, --api-key and --postgres are ignored" };
var postgres = new Option<string?>("--postgres") { Description = "The server's PostgreSQL: first measure the raw binary COPY of the scenario's events as journal rows (a scratch table, dropped after)" };
var baselineFile = new Option<string?>("--baseline-file") { Description = "JSON file of baseline medians shared by the invocations of one run: read for the ratios, updated with the raw COPY and duplicates-only medians measured" };
var customers = new Option<int>("--customers") { DefaultValueFactory = _ => 10_000 };
var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 7 };
var segments = new Option<bool>("--segments") { Description = "Create the 50 workload segments first (true|false)", DefaultValueFactory = _ => true };
var batchSize = new Option<int>("--batch-size") { DefaultValueFactory = _ => 500 };
var mode = new Option<IngestMode>("--mode") { Description = "unary | batch | stream", DefaultValueFactory = _ => IngestMode.Batch };
var concurrency = new Option<int>("--concurrency") { Description = "Closed loop: callers; open loop with streams: streams", DefaultValueFactory = _ => 8 };
var rate = new Option<double>("--rate") { Description = "Open loop at this many events/s; 0 is closed loop", DefaultValueFactory = _ => 0 };
var latencyAt = new Option<double?>("--latency-at") { Description = "After the closed-loop runs, open loop at this fraction of their median rate (e.g. 0.5)" };
var latencySeconds = new Option<int>("--latency-duration") { Description = "Seconds of each --latency-at run", DefaultValueFactory = _ => 10 };
var events = new Option<long>("--events") { Description = "Most events a run sends", DefaultValueFactory = _ => 200_000 };
var seconds = new Option<int>("--duration") { Description = "Most seconds a run sends for (the export fill's too)", DefaultValueFactory = _ => 30 };
var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 3 };
var warm = new Option<bool>("--warm") { Description = "Closed loop: send one event per customer before measuring, so the run measures known customers" };
var liveTimes = new Option<bool>("--live-times") { Description = "Closed loop: stamp events with the time the requests are built (after --warm), not spread over past days" };
var experiment = new Option<bool>("--experiment") { Description = "Run with an experiment running in each run's workspace (everyone in its audience, three metrics)" };
var duplicates = new Option<bool>("--duplicates") { Description = "Measure resending already applied events (the server only deduplicates)" };
var probes = new Option<int>("--probes-per-second") { Description = "Open loop: latency probes a second", DefaultValueFactory = _ => 100 };
var follow = new Option<string?>("--follow") { Description = "Closed loop: tail this segment's change feed during each run and report the followers' lag" };
var exportCustomers = new Option<int>("--export-customers") { Description = "Export: first fill a fresh segment with this many customers, one event each; 0 exports the largest segment on the server", DefaultValueFactory = _ => 0 };
var overload = new Option<string>("--overload") { Description = "Overload: the levels, as multiples of the capacity, comma-separated", DefaultValueFactory = _ => "1,2,5" };
var capacity = new Option<double>("--capacity") { Description = "Overload: the capacity in events/s the levels are multiples of; 0 measures it first", DefaultValueFactory = _ => 0 };
var deadline = new Option<double>("--deadline") { Description = "Overload: each call's deadline in seconds", DefaultValueFactory = _ => 30 };
var connections = new Option<int>("--connections") { Description = "Overload: HTTP/2 connections the calls are spread over", DefaultValueFactory = _ => 40 };
var burst = new Option<int>("--burst") { Description = "Overload: also send this many calls at once after the levels", DefaultValueFactory = _ => 0 };
var cpu = new Option<string[]>("--cpu") { Description = "name=pid of a process (with its children) whose CPU time per event each run reports; repeatable, e.g. --cpu server=4242 --cpu postgres=4100", AllowMultipleArgumentsPerToken = false };

var root = new RootCommand("ActorSegments load generator: drives a running server over gRPC on 127.0.0.1")
{
    address, apiKey, scenarioKind, name, quick, postgres, baselineFile, customers, seed, segments, batchSize, mode, concurrency, rate, latencyAt, latencySeconds,
    events, seconds, runs, duplicates, warm, liveTimes, experiment, probes, follow, exportCustomers, overload, capacity, deadline, connections, burst, cpu,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("ACTORSEGMENTS_API_KEY");
    var target = new Uri(parse.GetValue(address)!, UriKind.Absolute);
    if (!target.IsLoopback)
    {
        await Console.Error.WriteLineAsync($"Refusing to load {target}: the load generator targets loopback addresses only.");
        return 2;
    }

    var kind = parse.GetValue(scenarioKind)!;
    var database = parse.GetValue(postgres);
    if (kind == "raw-copy" && database is null)
    {
        await Console.Error.WriteLineAsync("--scenario raw-copy needs --postgres.");
        return 2;
    }

    var progress = Console.Error;
    var baselinePath = parse.GetValue(baselineFile);
    var baselines = await Baselines.ReadAsync(baselinePath, cancellationToken);
    LoadResults results;
    if (parse.GetValue(quick))
    {
        results = await QuickRun.RunAsync(target, key, database, progress, cancellationToken);
    }
    else
    {
        var options = new LoadOptions
        {
            Address = target,
            ApiKey = key,
            Customers = parse.GetValue(customers),
            Seed = parse.GetValue(seed),
            Segments = parse.GetValue(segments),
            BatchSize = parse.GetValue(batchSize),
            Mode = parse.GetValue(mode),
            Concurrency = parse.GetValue(concurrency),
            Rate = parse.GetValue(rate),
            Events = parse.GetValue(events),
            Duration = TimeSpan.FromSeconds(parse.GetValue(seconds)),
            Runs = parse.GetValue(runs),
            Duplicates = parse.GetValue(duplicates),
            Warm = parse.GetValue(warm),
            LiveTimes = parse.GetValue(liveTimes),
            Experiment = parse.GetValue(experiment),
            ProbesPerSecond = parse.GetValue(probes),
            FollowSegment = parse.GetValue(follow),
            ExportCustomers = parse.GetValue(exportCustomers),
            CpuWatches = (parse.GetValue(cpu) ?? []).Select(ProcessCpu.ParseWatch).ToDictionary(StringComparer.Ordinal),
            OverloadMultiples = [.. parse.GetValue(overload)!.Split(',').Select(m => double.Parse(m, System.Globalization.CultureInfo.InvariantCulture))],
            Capacity = parse.GetValue(capacity) is > 0 and var given ? given : baselines.OverloadCapacity ?? 0,
            Deadline = TimeSpan.FromSeconds(parse.GetValue(deadline)),
            Connections = parse.GetValue(connections),
            Burst = parse.GetValue(burst),
        };
        var rawCopy = database is null ? null : await RawCopyBaseline.RunAsync(database, options, progress, cancellationToken);
        var scenario = parse.GetValue(name)!;
        IReadOnlyList<ScenarioResult> ingest = kind != "ingest" ? []
            : parse.GetValue(latencyAt) is { } fraction
                ? await LoadHarness.RunWithLatencyAsync(scenario, options, fraction, TimeSpan.FromSeconds(parse.GetValue(latencySeconds)), progress, cancellationToken)
                : [await LoadHarness.RunAsync(scenario, options, progress, cancellationToken)];
        IReadOnlyList<ExportResult> exports = kind == "export" ? [await LoadHarness.ExportAsync(options, progress, cancellationToken)] : [];
        IReadOnlyList<OverloadResult> overloads = kind == "overload" ? [await OverloadRunner.RunAsync(scenario, options, progress, cancellationToken)] : [];
        var measured = baselines.With(rawCopy, ingest) with { OverloadCapacity = overloads.Count > 0 ? overloads[^1].Capacity : baselines.OverloadCapacity };
        results = new LoadResults(ingest, rawCopy, exports, measured) { Overloads = overloads };
    }

    await results.Baselines.WriteAsync(baselinePath, cancellationToken);
    Console.Write(LoadReport.Markdown(results));
    return 0;
});
return await root.Parse(args).InvokeAsync();
