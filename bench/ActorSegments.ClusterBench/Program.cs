using System.Globalization;
using ActorSegments.ClusterBench;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Usage: ActorSegments.ClusterBench --postgres "<connection string>" [--scale <fraction>] [--only journal,heap,batched,unary,wake,backfill,memory]
// bench/cluster.sh starts a throwaway PostgreSQL on 127.0.0.1 and runs this against it.
var connection = Arg("--postgres") ?? throw new ArgumentException("--postgres <connection string> is required (see bench/cluster.sh)");
var scale = double.Parse(Arg("--scale") ?? "1", CultureInfo.InvariantCulture);
int Scaled(int n) => Math.Max(100, (int)(n * scale));
var only = Arg("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
bool Runs(string scenario) => only is null || only.Contains(scenario);

var results = new List<(string Name, string Value, string Goal)>();
void Report(string name, string value, string goal)
{
    results.Add((name, value, goal));
    Console.Error.WriteLine($"{name}: {value}");
}

await using (var durable = await BenchHost.StartAsync(connection, 21111, 21112))
{
    var dataSource = durable.Services.GetRequiredService<NpgsqlDataSource>();
    var raw = await Scenarios.RawCopyAsync(dataSource, Scaled(200_000));
    Report("raw binary COPY of journal rows (10,000 per transaction)", $"{raw:N0} rows/s", "baseline");
    if (Runs("journal"))
    {
        var journal = await Scenarios.JournalOnlyAsync(durable.Services.GetRequiredService<ICustomerJournal>(), Scaled(200_000), 256);
        Report("group-commit journal alone (commits of 10 events, 256 concurrent)", $"{journal:N0} events/s ({journal / raw:F2}x raw)", "");
    }

    if (Runs("heap"))
    {
        var heap = await Scenarios.HeapPerCustomerAsync(durable.Grains, "heap", Scaled(20_000), 50, 256);
        Report("managed heap per active customer (50 events of history)", $"{heap:N0} bytes", "<= 3 KB");
        // The same customers once idle past the dormancy delay, and fresh ones while hot, both measured as the heap
        // their deactivation frees, so the two figures compare directly.
        await Task.Delay(new ActorSegments.Grains.Customers.CustomerGrainOptions().DormantAfter + TimeSpan.FromSeconds(15));
        var idle = await Scenarios.HeapFreedByDeactivationAsync(durable.Grains, Scaled(20_000));
        await Scenarios.ActivateAsync(durable.Grains, "heap-hot", Scaled(20_000), 50, 256);
        var hot = await Scenarios.HeapFreedByDeactivationAsync(durable.Grains, Scaled(20_000));
        Report("heap freed by deactivating active customers, hot (just called)", $"{hot:N0} bytes", "<= 3 KB");
        Report("the same, customers idle past the dormancy delay (state kept serialized)", $"{idle:N0} bytes", "<= 3 KB");
    }

    if (Runs("batched"))
    {
        var batched = await Scenarios.GrainIngestAsync(durable.Grains, "batched", Scaled(20_000), perCall: 10, rounds: 2, concurrency: 256);
        Report("durable ingest through customers, 10 events per call, 256 concurrent", $"{batched:N0} events/s ({batched / raw:F2}x raw)", ">= 100,000/s and >= 0.5x raw");
    }

    if (Runs("unary"))
    {
        var unary = await Scenarios.GrainIngestAsync(durable.Grains, "unary", Scaled(20_000), perCall: 1, rounds: 3, concurrency: 512);
        Report("durable ingest through customers, 1 event per call, 512 concurrent", $"{unary:N0} events/s", ">= 10,000/s");
    }

    if (Runs("wake"))
    {
        var (p50, p99, exits, active) = await Scenarios.WakeUpLatenessAsync(durable.Services, dataSource, Scaled(100_000), 256);
        Report($"wake-up lateness, {Scaled(100_000):N0} deactivated customers with deadlines over 2 minutes",
            $"p50 {p50:F2} s, p99 {p99:F2} s ({exits:N0} exits; {active:N0} activations left when the first came due)", "p99 <= 1 s");
    }

    if (Runs("backfill"))
    {
        var (all, few, evaluated) = await Scenarios.BackfillAsync(durable.Services, "backfill", Scaled(100_000), 256);
        Report($"backfill of a new segment over {evaluated:N0} idle customers, every one enters", $"{all:N0} customers/s", "1M in <= 60 s (16,700/s)");
        Report($"backfill of a new segment over {evaluated:N0} idle customers, one in twelve enters", $"{few:N0} customers/s (incl. 5 s settle)", "1M in <= 60 s (16,700/s)");
    }
}

if (Runs("memory"))
{
    await using var memory = await BenchHost.StartAsync(null, 21211, 21212);
    var inMemory = await Scenarios.GrainIngestAsync(memory.Grains, "memory", Scaled(20_000), perCall: 10, rounds: 2, concurrency: 256);
    Report("in-memory ingest through customers (dev mode), 10 events per call", $"{inMemory:N0} events/s", ">= 250,000/s");
    var (memoryAll, _, memoryEvaluated) = await Scenarios.BackfillAsync(memory.Services, "backfill", Scaled(100_000), 256);
    Report($"in-memory backfill (dev mode) over {memoryEvaluated:N0} idle customers, every one enters", $"{memoryAll:N0} customers/s", "");
}

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; scale {scale}");
Console.WriteLine();
Console.WriteLine("| Measurement | Result | Goal |");
Console.WriteLine("|---|---|---|");
foreach (var (name, value, goal) in results)
{
    Console.WriteLine($"| {name} | {value} | {goal} |");
}

string? Arg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
