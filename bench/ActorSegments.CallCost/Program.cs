using System.CommandLine;
using ActorSegments.CallCost;
using ActorSegments.Load;

// What one API call costs the server: sequential unary calls with a workspace key (gRPC and HTTP/JSON), one markdown
// row per kind of call to stdout. Loopback only.
var address = new Option<string>("--address") { Description = "The server's gRPC address", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
var httpAddress = new Option<string>("--http-address") { Description = "The server's HTTP address (JSON)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
var calls = new Option<int>("--calls") { Description = "Measured calls per kind (at most 100,000)", DefaultValueFactory = _ => 5_000 };
var warmup = new Option<int>("--warmup") { Description = "Calls per kind before measuring", DefaultValueFactory = _ => 1_000 };
var name = new Option<string>("--name") { Description = "The build's name in the rows", DefaultValueFactory = _ => "server" };
var server = new Option<int?>("--server-pid") { Description = "The server's process id: its CPU time per call is reported" };
var root = new RootCommand("Per-call cost: sequential unary calls with a workspace key, one after another") { address, httpAddress, calls, warmup, name, server };
root.SetAction(async (parse, cancellationToken) =>
{
    var (grpc, http) = (new Uri(parse.GetValue(address)!, UriKind.Absolute), new Uri(parse.GetValue(httpAddress)!, UriKind.Absolute));
    if (!grpc.IsLoopback || !http.IsLoopback)
    {
        await Console.Error.WriteLineAsync($"Refusing to call {grpc} / {http}: this benchmark targets loopback addresses only.");
        return 2;
    }

    using var bootstrap = new LoadConnection(grpc, Environment.GetEnvironmentVariable("ACTORSEGMENTS_API_KEY"), oneConnection: true);
    var (workspace, key) = await CallKinds.SetUpAsync(bootstrap, cancellationToken);
    using var caller = new LoadConnection(grpc, key, oneConnection: true);
    using var json = new HttpClient { BaseAddress = http };
    json.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
    var watches = parse.GetValue(server) is { } pid ? new Dictionary<string, int> { ["server"] = pid } : [];
    using var metrics = new HttpClient { BaseAddress = http };
    var allocations = new ServerAllocations(metrics);
    Console.WriteLine(CallTimes.Header);
    foreach (var (kind, call) in CallKinds.All(caller, json, workspace))
    {
        var times = await CallTimes.MeasureAsync(call, parse.GetValue(warmup), Math.Clamp(parse.GetValue(calls), 1, 100_000), watches, allocations, cancellationToken);
        Console.WriteLine(times.Row(parse.GetValue(name)!, kind));
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();
