using System.CommandLine;
using System.Globalization;
using ActorSegments.Load;
using ActorSegments.WebhookBench;

// Ingest with and without a webhook destination for every segment, alternating, on one running server; markdown to
// stdout, progress to stderr. Loopback only.
var address = new Option<string>("--address") { Description = "The server's gRPC address", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
var seconds = new Option<int>("--duration") { Description = "Seconds of ingest per run", DefaultValueFactory = _ => 20 };
var runs = new Option<int>("--runs") { Description = "Pairs of runs (without, then with the destination)", DefaultValueFactory = _ => 3 };
var callers = new Option<int>("--concurrency") { Description = "Callers sending batches in a closed loop", DefaultValueFactory = _ => 4 };
var batchSize = new Option<int>("--batch-size") { Description = "Events per TrackBatch", DefaultValueFactory = _ => 200 };
var customers = new Option<int>("--customers") { Description = "Customers per run (new to each run)", DefaultValueFactory = _ => 20_000 };
var hookBatch = new Option<int>("--webhook-batch") { Description = "The destination's batch_size", DefaultValueFactory = _ => 100 };
var hookDelay = new Option<int>("--webhook-max-delay-ms") { Description = "The destination's max_delay", DefaultValueFactory = _ => 0 };
var drain = new Option<int>("--drain-limit") { Description = "Most seconds to wait for the backlog after ingest stops", DefaultValueFactory = _ => 180 };
var cpu = new Option<string[]>("--cpu") { Description = "name=pid of a process whose CPU time per event each run reports; repeatable" };
var root = new RootCommand("Webhook delivery benchmark: deliveries per second and lag from commit to receipt, and ingest with and without a destination")
{
    address, seconds, runs, callers, batchSize, customers, hookBatch, hookDelay, drain, cpu,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var target = new Uri(parse.GetValue(address)!, UriKind.Absolute);
    if (!target.IsLoopback)
    {
        await Console.Error.WriteLineAsync($"Refusing to load {target}: this benchmark targets loopback addresses only.");
        return 2;
    }

    var settings = new BenchSettings(
        TimeSpan.FromSeconds(parse.GetValue(seconds)),
        parse.GetValue(callers),
        parse.GetValue(batchSize),
        parse.GetValue(customers),
        parse.GetValue(hookBatch),
        TimeSpan.FromMilliseconds(parse.GetValue(hookDelay)),
        TimeSpan.FromSeconds(parse.GetValue(drain)),
        (parse.GetValue(cpu) ?? []).Select(ProcessCpu.ParseWatch).ToDictionary(StringComparer.Ordinal));
    using var connection = new LoadConnection(target, Environment.GetEnvironmentVariable("ACTORSEGMENTS_API_KEY"));
    var results = new List<RunFigures>();
    for (var run = 1; run <= parse.GetValue(runs); run++)
    {
        for (var side = 0; side < 2; side++)
        {
            var withWebhook = side == 1;
            var figures = await BenchRun.RunAsync(connection, settings, run, withWebhook, Console.Error, cancellationToken);
            results.Add(figures);
            await Console.Error.WriteLineAsync(RunFigures.Row(figures));
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings.Callers} callers x TrackBatch of {settings.BatchSize}, {settings.Duration.TotalSeconds:0} s per run, {settings.Customers} new customers per run; destination batch_size {settings.WebhookBatch}, max_delay {settings.WebhookMaxDelay.TotalMilliseconds:0} ms"));
    Console.WriteLine();
    Console.WriteLine(RunFigures.Header);
    foreach (var figures in results)
    {
        Console.WriteLine(RunFigures.Row(figures));
    }

    Console.WriteLine(RunFigures.Row(RunFigures.Median(results.Where(r => !r.WithWebhook).ToList())));
    Console.WriteLine(RunFigures.Row(RunFigures.Median(results.Where(r => r.WithWebhook).ToList())));
    return 0;
});
return await root.Parse(args).InvokeAsync();
