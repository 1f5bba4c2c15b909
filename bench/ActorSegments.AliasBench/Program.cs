using System.CommandLine;
using ActorSegments.AliasBench;
using ActorSegments.Load;

// Links anonymous ids into known customers through Alias, on one running server; markdown to stdout, progress to
// stderr. Loopback only, bounded by --pairs.
var address = new Option<string>("--address") { Description = "The server's gRPC address", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
var pairs = new Option<int>("--pairs") { Description = "Links per run (anonymous id -> known customer), at most 20000", DefaultValueFactory = _ => 1000 };
var events = new Option<int>("--events") { Description = "Events of each anonymous id, moved by its link", DefaultValueFactory = _ => 5 };
var callers = new Option<int>("--concurrency") { Description = "Callers sending Alias in a closed loop", DefaultValueFactory = _ => 8 };
var runs = new Option<int>("--runs") { Description = "Runs, each in a fresh workspace", DefaultValueFactory = _ => 3 };
var root = new RootCommand("Identity links benchmark: customers merged per second and Alias latency") { address, pairs, events, callers, runs };
root.SetAction(async (parse, cancellationToken) =>
{
    var target = new Uri(parse.GetValue(address)!, UriKind.Absolute);
    if (!target.IsLoopback || parse.GetValue(pairs) is < 1 or > 20_000)
    {
        await Console.Error.WriteLineAsync("Refusing: this benchmark targets loopback addresses only, with 1 to 20000 pairs.");
        return 2;
    }

    using var connection = new LoadConnection(target, Environment.GetEnvironmentVariable("ACTORSEGMENTS_API_KEY"));
    var results = new List<AliasFigures>();
    for (var run = 1; run <= parse.GetValue(runs); run++)
    {
        var figures = await AliasRun.RunAsync(connection, run, parse.GetValue(pairs), parse.GetValue(events), parse.GetValue(callers), Console.Error, cancellationToken);
        results.Add(figures);
        await Console.Error.WriteLineAsync(figures.Row());
    }

    Console.WriteLine($"{parse.GetValue(callers)} callers x Alias, {parse.GetValue(pairs)} links per run, {parse.GetValue(events)} events per anonymous id, 2 segments");
    Console.WriteLine();
    Console.WriteLine(AliasFigures.Header);
    results.ForEach(r => Console.WriteLine(r.Row()));
    Console.WriteLine(AliasFigures.Median(results).Row());
    return 0;
});
return await root.Parse(args).InvokeAsync();
