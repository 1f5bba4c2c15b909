using ActorSegments.ClusterBench;
using ActorSegments.ClusterBench.Recluster;
using ActorSegments.Domain.Storage;
using ActorSegments.Workload;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Usage: ActorSegments.ClusterBench --postgres "<connection string>" [--scale <fraction>] [--runs <n>] [--segments true|false]
//        [--only journal,heap,batched,unary,wake,backfill,memory,million,recluster,experiments]
//                                                        (million, recluster, experiments only when named)
//        [--customers 100000,1000000]            (recluster's sizes; experiments takes the largest)
// bench/cluster.sh starts a throwaway PostgreSQL on 127.0.0.1 and runs this against it.
// Exit codes: 0 after a run; 2 for a wrong command line, reported on stderr before anything runs.
if (BenchOptions.Parse(args, Console.Out, Console.Error, out var exitCode) is not { } options)
{
    return exitCode;
}

var segmentsLive = options.Segments ? $"{WorkloadSegments.All.Count} workload segments live" : "no segments";

var results = new List<(string Name, string Value, string Goal)>();
void Report(string name, string value, string goal)
{
    results.Add((name, value, goal));
    Console.Error.WriteLine($"{name}: {value}");
}

// Every run ingests fresh customers in a workspace of its own, where the workload's segments are defined first
// (when asked), so that each event is evaluated against them as in production.
Task<Repeated> IngestAsync(BenchHost host, string scenario, int perCall, int rounds, int concurrency) =>
    Repeated.MeasureAsync(options.Runs, async run =>
    {
        var workspace = $"{scenario}-{run}";
        if (options.Segments)
        {
            await SegmentSetup.DefineAsync(host.Services, workspace, WorkloadSegments.All);
        }

        return await Scenarios.GrainIngestAsync(host.Grains, workspace, options.Scaled(20_000), perCall, rounds, concurrency);
    });

await using (var durable = await BenchHost.StartAsync(options.Connection, 21111, 21112))
{
    var dataSource = durable.Services.GetRequiredService<NpgsqlDataSource>();
    var raw = await Repeated.MeasureAsync(options.Runs, run => Scenarios.RawCopyAsync(dataSource, $"raw-{run}", options.Scaled(200_000)));
    Report("raw binary COPY of journal rows (10,000 per transaction)", raw.Format("rows/s"), "baseline");
    if (options.Includes("journal"))
    {
        var customerJournal = durable.Services.GetRequiredService<ICustomerJournal>();
        var journal = await Repeated.MeasureAsync(options.Runs, run => Scenarios.JournalOnlyAsync(customerJournal, $"journal-{run}", options.Scaled(200_000), 256));
        Report("group-commit journal alone (commits of 10 events, 256 concurrent)", $"{journal.Format("events/s")} ({journal.Median / raw.Median:F2}x raw)", "");
    }

    if (options.Includes("heap"))
    {
        var heap = await Scenarios.HeapPerCustomerAsync(durable.Grains, "heap", options.Scaled(20_000), 50, 256);
        Report("managed heap per active customer (50 events of history)", $"{heap:N0} bytes", "<= 3 KB");
        // The same customers once idle past the dormancy delay, and fresh ones while hot, both measured as the heap
        // their deactivation frees, so the two figures compare directly.
        await Task.Delay(Scenarios.PastDormancy);
        var idle = await Scenarios.HeapFreedByDeactivationAsync(durable.Grains, options.Scaled(20_000));
        await Scenarios.ActivateAsync(durable.Grains, "heap-hot", options.Scaled(20_000), 50, 256);
        var hot = await Scenarios.HeapFreedByDeactivationAsync(durable.Grains, options.Scaled(20_000));
        Report("heap freed by deactivating active customers, hot (just called)", $"{hot:N0} bytes", "<= 3 KB");
        Report("the same, customers idle past the dormancy delay (state kept serialized)", $"{idle:N0} bytes", "<= 3 KB");
    }

    if (options.Includes("batched"))
    {
        var batched = await IngestAsync(durable, "batched", perCall: 10, rounds: 2, concurrency: 256);
        Report($"durable ingest through customers, 10 events per call, 256 concurrent, {segmentsLive}", $"{batched.Format("events/s")} ({batched.Median / raw.Median:F2}x raw)", ">= 100,000/s and >= 0.5x raw");
    }

    if (options.Includes("unary"))
    {
        var unary = await IngestAsync(durable, "unary", perCall: 1, rounds: 3, concurrency: 512);
        Report($"durable ingest through customers, 1 event per call, 512 concurrent, {segmentsLive}", unary.Format("events/s"), ">= 10,000/s");
    }

    if (options.Includes("wake"))
    {
        var (p50, p99, exits, active) = await Scenarios.WakeUpLatenessAsync(durable.Services, dataSource, options.Scaled(100_000), 256);
        Report($"wake-up lateness, {options.Scaled(100_000):N0} deactivated customers with deadlines over 2 minutes",
            $"p50 {p50:F2} s, p99 {p99:F2} s ({exits:N0} exits; {active:N0} activations left when the first came due)", "p99 <= 1 s");
    }

    if (options.Includes("backfill"))
    {
        var (all, few, evaluated) = await Scenarios.BackfillAsync(durable.Services, "backfill", options.Scaled(100_000), 256);
        Report($"backfill of a new segment over {evaluated:N0} idle customers, every one enters", $"{all:N0} customers/s", "1M in <= 60 s (16,700/s)");
        Report($"backfill of a new segment over {evaluated:N0} idle customers, one in twelve enters", $"{few:N0} customers/s (incl. 5 s settle)", "1M in <= 60 s (16,700/s)");
    }
}

if (options.Includes("million"))
{
    // Silos of its own over the same database: the scenario shuts one down and starts another.
    var million = await MillionScenario.RunAsync(options.Connection, options.Scaled(1_000_000), options.Scaled(200_000));
    foreach (var (name, value, goal) in million.Rows())
    {
        Report(name, value, goal);
    }
}

IReadOnlyList<ReclusterResult> recluster = [];
if (options.Includes("recluster"))
{
    // A silo of its own with the cohort trainers registered, as the server has them.
    recluster = await ReclusterScenario.RunAsync(options.Connection, options.Customers, options.Runs);
    foreach (var (name, value, goal) in recluster.SelectMany(r => r.Rows()))
    {
        Report(name, value, goal);
    }
}

if (options.Includes("experiments"))
{
    foreach (var (name, value, goal) in await ActorSegments.ClusterBench.Experiments.ExperimentResultsScenario.RunAsync(options.Connection, options.Customers.Max()))
    {
        Report(name, value, goal);
    }
}

if (options.Includes("memory"))
{
    await using var memory = await BenchHost.StartAsync(null, 21211, 21212);
    var inMemory = await IngestAsync(memory, "memory", perCall: 10, rounds: 2, concurrency: 256);
    Report($"in-memory ingest through customers (dev mode), 10 events per call, {segmentsLive}", inMemory.Format("events/s"), ">= 250,000/s");
    var (memoryAll, _, memoryEvaluated) = await Scenarios.BackfillAsync(memory.Services, "backfill", options.Scaled(100_000), 256);
    Report($"in-memory backfill (dev mode) over {memoryEvaluated:N0} idle customers, every one enters", $"{memoryAll:N0} customers/s", "");
}

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; scale {options.Scale}");
Console.WriteLine($"Throughput rows (raw COPY, journal, ingest): median (min–max) of {options.Runs} run(s), each on fresh customers; ingest with {segmentsLive}, workload events.");
Console.WriteLine();
Console.WriteLine("| Measurement | Result | Goal |");
Console.WriteLine("|---|---|---|");
foreach (var (name, value, goal) in results)
{
    Console.WriteLine($"| {name} | {value} | {goal} |");
}

if (recluster.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine($"Recluster stages, seconds: median of {options.Runs} run(s) each (a column's medians need not add up to the total's).");
    Console.WriteLine();
    foreach (var line in ReclusterResult.StageHeader().Concat(recluster.SelectMany(r => r.StageRows())))
    {
        Console.WriteLine(line);
    }
}

return 0;
