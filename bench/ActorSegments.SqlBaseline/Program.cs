using System.Diagnostics;
using ActorSegments.SqlBaseline;
using ActorSegments.Workload;
using Npgsql;

// The status-quo baseline (issue 6, item 7): the workload through the ActorSegments server and into a plain table
// whose segments are recomputed by full refresh; prints a markdown report on stdout, progress on stderr.
if (BaselineOptions.Parse(args, Console.Out, Console.Error, out var exitCode) is not { } options)
{
    return exitCode;
}

await using var serverDb = NpgsqlDataSource.Create(options.ServerDatabase);
await using var baselineDb = NpgsqlDataSource.Create(options.BaselineDatabase);
using var client = new ServerClient(options.Server, options.ApiKey, options.Workspace);
var log = new ServerDatabase(serverDb, options.Workspace);
var workload = new WorkloadEvents(options.Customers);
var historyEnd = DateTimeOffset.UtcNow;
IEnumerable<WorkloadEvent> History() => workload.History(options.Events, options.Days, historyEnd);
static void Progress(string message) => Console.Error.WriteLine($"[sql-baseline] {DateTime.UtcNow:HH:mm:ss} {message}");

Progress($"creating {WorkloadSegments.All.Count} segments; sending {options.Events:N0} history events of {options.Customers:N0} customers over {options.Days} days");
var creation = Stopwatch.StartNew();
await client.CreateSegmentsAsync(WorkloadSegments.All);
Progress($"segments created in {creation.Elapsed.TotalSeconds:F1} s");
var history = await ThroughServerAsync("history", History());

Progress("copying the same events into the plain table");
await EventTable.CreateAsync(baselineDb);
var copyCpu = await InstanceCpuAsync(() => EventTable.CopyAsync(baselineDb, History()));

var refreshes = new List<RefreshCost>();
for (var run = 1; run <= options.Repeats; run++)
{
    var now = DateTimeOffset.UtcNow;
    refreshes.Add(await FullRefresh.RunAsync(baselineDb, SqlSegments.Build(WindowPrecision.Exact, now), now));
    Progress($"full refresh {run}/{options.Repeats}: {refreshes[^1].Wall.TotalSeconds:F2} s wall, {refreshes[^1].BackendCpuSeconds:F2} s backend CPU, {refreshes[^1].Members:N0} members");
}

Progress("correctness: server members against the SQL at the same instant");
var instant = DateTimeOffset.UtcNow;
var serverMembers = await log.MembersAsync();
var exact = SqlSegments.Build(WindowPrecision.Exact, instant);
var agreement = Agreement.Compare(
    exact,
    serverMembers,
    await FullRefresh.MembersAsync(baselineDb, exact, instant),
    await FullRefresh.MembersAsync(baselineDb, SqlSegments.Build(WindowPrecision.Tiered, instant), instant));

Progress($"live: {options.LiveEvents:N0} events stamped as they are sent");
var live = new List<WorkloadEvent>();
var liveServer = await ThroughServerAsync("live", workload.Live().Take((int)options.LiveEvents).Select(e =>
{
    live.Add(e);
    return e;
}));
var before = await FullRefresh.StoredAsync(baselineDb);
var liveCopyCpu = await InstanceCpuAsync(() => EventTable.CopyAsync(baselineDb, live));
var liveNow = DateTimeOffset.UtcNow;
var liveRefresh = await FullRefresh.RunAsync(baselineDb, SqlSegments.Build(WindowPrecision.Exact, liveNow), liveNow);
var after = await FullRefresh.StoredAsync(baselineDb);
var liveSql = new SqlPhase("live", live.Count, liveCopyCpu, liveRefresh, before.Count(p => !after.Contains(p)) + after.Count(p => !before.Contains(p)));
var historySql = new SqlPhase("history", options.Events, copyCpu, refreshes[0], refreshes[0].Members);

Report.Write(Console.Out, options, [history, liveServer], [historySql, liveSql], refreshes, agreement, exact);
return 0;

async Task<ServerPhase> ThroughServerAsync(string name, IEnumerable<WorkloadEvent> events)
{
    var membersBefore = await log.MembersAsync();
    var position = await log.LogPositionAsync();
    var (serverCpu, postgresCpu) = (ProcessCpu.Of(options.ServerPid), ProcessCpu.OfInstance(options.PostmasterPid));
    var clock = Stopwatch.StartNew();
    var applied = await client.TrackAsync(events);
    var settled = await log.SettleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(3));
    clock.Stop();
    var (serverAfter, postgresAfter) = (ProcessCpu.Of(options.ServerPid), ProcessCpu.OfInstance(options.PostmasterPid));
    var net = ServerDatabase.Difference(membersBefore, await log.MembersAsync());
    var phase = new ServerPhase(name, applied, clock.Elapsed, serverAfter - serverCpu, postgresAfter - postgresCpu,
        await log.ChangesBetweenAsync(position, settled), net, await log.LagAsync(position, settled));
    Progress($"{name}: {applied:N0} events applied in {phase.Wall.TotalSeconds:F1} s; {phase.Changes:N0} membership changes; CPU server {phase.ServerCpu:F1} s, PostgreSQL {phase.PostgresCpu:F1} s");
    return phase;
}

async Task<double> InstanceCpuAsync(Func<Task<long>> work)
{
    var cpu = ProcessCpu.OfInstance(options.PostmasterPid);
    await work();
    return ProcessCpu.OfInstance(options.PostmasterPid) - cpu;
}
