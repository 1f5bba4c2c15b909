using System.CommandLine;
using ActorSegments.ErasureBench;
using ActorSegments.Load;

// Erasures per second on one running server: markdown to stdout, progress to stderr. Loopback only.
var address = new Option<string>("--address") { Description = "The server's gRPC address", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
var runs = new Option<int>("--runs") { Description = "Runs, each in a fresh workspace", DefaultValueFactory = _ => 3 };
var customers = new Option<int>("--customers") { Description = "Customers seeded and erased per run (at most 100,000)", DefaultValueFactory = _ => 2_000 };
var callers = new Option<int>("--concurrency") { Description = "Callers erasing in a closed loop", DefaultValueFactory = _ => 8 };
var root = new RootCommand("Erasure benchmark: DeleteCustomer calls per second over customers in three segments") { address, runs, customers, callers };
root.SetAction(async (parse, cancellationToken) =>
{
    var target = new Uri(parse.GetValue(address)!, UriKind.Absolute);
    if (!target.IsLoopback)
    {
        await Console.Error.WriteLineAsync($"Refusing to load {target}: this benchmark targets loopback addresses only.");
        return 2;
    }

    var (count, concurrency) = (Math.Clamp(parse.GetValue(customers), 1, 100_000), Math.Clamp(parse.GetValue(callers), 1, 256));
    using var connection = new LoadConnection(target, Environment.GetEnvironmentVariable("ACTORSEGMENTS_API_KEY"));
    var results = new List<RunFigures>();
    for (var run = 1; run <= parse.GetValue(runs); run++)
    {
        results.Add(await ErasureRun.RunAsync(connection, run, count, concurrency, Console.Error, cancellationToken));
        await Console.Error.WriteLineAsync(RunFigures.Row(results[^1]));
    }

    Console.WriteLine($"{concurrency} callers, {count} customers per run (5 events and 1 identify each, in 3 segments)");
    Console.WriteLine();
    Console.WriteLine(RunFigures.Header);
    results.ForEach(r => Console.WriteLine(RunFigures.Row(r)));
    Console.WriteLine(RunFigures.Row(RunFigures.Median(results)));
    return 0;
});
return await root.Parse(args).InvokeAsync();
