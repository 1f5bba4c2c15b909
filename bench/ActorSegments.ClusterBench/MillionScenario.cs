using System.Diagnostics;
using ActorSegments.Abstractions.Customers;
using ActorSegments.Grains.Customers;
using ActorSegments.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace ActorSegments.ClusterBench;

/// <summary>
/// A million customers (at full scale) on one durable silo, each with a few workload events and the workload's 50
/// segments live: the heap they take, the export of a segment every one of them is in, the snapshots a graceful
/// shutdown writes, and how fast customers come back on a new silo over the same database.
/// </summary>
internal static class MillionScenario
{
    /// <summary>
    /// Events per customer, in one call. A customer's first call costs far more than its events (activation, a first
    /// evaluation of every segment, a commit): at --scale 0.02, about 1.1 ms of CPU per customer and 0.1 ms per event,
    /// so fewer events would shorten the scenario little and make the heap figure less typical.
    /// </summary>
    public const int EventsEach = 5;

    public const int Concurrency = 256;

    private const string Workspace = "million";

    /// <summary>The export's segment: every customer with an event is in it, so it is as large as the scenario.</summary>
    private const string Everyone = "everyone";

    /// <summary>The workload's segments and <see cref="Everyone"/>.</summary>
    public static int SegmentsLive => WorkloadSegments.All.Count + 1;

    public static async Task<MillionResult> RunAsync(string connection, int customers, int restartSample)
    {
        var loaded = await LoadAsync(connection, customers);
        var restarted = await RestartAsync(connection, customers, restartSample);
        return new MillionResult(customers, loaded, restarted);
    }

    /// <summary>
    /// Ingests every customer, measures the heap hot and once idle (exporting meanwhile, as the idle figure has to
    /// wait for the dormancy delay anyway), then shuts the silo down and times it.
    /// </summary>
    private static async Task<MillionLoad> LoadAsync(string connection, int customers)
    {
        var host = await BenchHost.StartAsync(connection, 21311, 21312, SnapshotEveryCustomerOnShutdown);
        try
        {
            await SegmentSetup.DefineAsync(host.Services, Workspace, [.. WorkloadSegments.All, (Everyone, "customer.events >= 1")]);
            Progress($"{SegmentsLive} segments live; ingesting {customers:N0} customers");
            using var dormancy = new DormancyCount();
            var growth = HeapGrowth.Start();
            var watch = Stopwatch.StartNew();
            await Scenarios.CallAllAsync(host.Grains, Workspace, customers, rounds: 1, round: 0, EventsEach, Concurrency, WorkloadCalls.For);
            var ingest = customers / watch.Elapsed.TotalSeconds;
            Progress($"ingested in {watch.Elapsed.TotalSeconds:F0} s; reading every profile");

            // At full scale the ingest outlasts the dormancy delay, so the customers called first are dormant by its
            // end: a read of every profile wakes them again (and checks each has one) before the heap is taken hot.
            var withoutProfile = await ReadProfilesAsync(host.Grains, Enumerable.Range(0, customers));
            var hot = growth.PerCustomer(customers);
            var dormantWhenHot = dormancy.Dormant;
            Progress($"heap measured; exporting, then waiting {Scenarios.PastDormancy.TotalSeconds:F0} s for dormancy");

            var pastDormancy = Task.Delay(Scenarios.PastDormancy);
            var export = await MemberExport.RunAsync(host.Services, Workspace, Everyone);
            await pastDormancy;
            var idle = growth.PerCustomer(customers);
            var dormantWhenIdle = dormancy.Dormant;
            Progress("idle heap measured; shutting down");
            return new MillionLoad(ingest, withoutProfile, hot, dormantWhenHot, idle, dormantWhenIdle, export, await ShutDownAsync(host));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Disposes the host (a graceful shutdown: every customer writes its snapshot); returns the seconds it took.</summary>
    private static async Task<double> ShutDownAsync(BenchHost host)
    {
        var watch = Stopwatch.StartNew();
        await host.DisposeAsync();
        Progress($"shut down in {watch.Elapsed.TotalSeconds:F0} s");
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// A new silo on the same database: counts the snapshots the shutdown left, then activates an even sample of the
    /// customers with a read-only call (the profile), each activation reading its snapshot, journal tail and members.
    /// </summary>
    private static async Task<MillionRestart> RestartAsync(string connection, int customers, int sample)
    {
        await using var host = await BenchHost.StartAsync(connection, 21411, 21412);
        var snapshots = await SnapshotCount.CountAsync(host.Services, Workspace);
        Progress($"new silo up, {snapshots:N0} snapshots stored; activating {sample:N0} customers");
        var watch = Stopwatch.StartNew();
        var withoutProfile = await ReadProfilesAsync(host.Grains, Enumerable.Range(0, sample).Select(i => (int)((long)i * customers / sample)));
        var perSecond = sample / watch.Elapsed.TotalSeconds;
        Progress($"activated in {watch.Elapsed.TotalSeconds:F0} s");
        return new MillionRestart(snapshots, sample, withoutProfile, perSecond);
    }

    /// <summary>Reads the profile of each customer (a read-only call), <see cref="Concurrency"/> at a time; returns how many had none.</summary>
    private static async Task<int> ReadProfilesAsync(IGrainFactory grains, IEnumerable<int> customers)
    {
        var withoutProfile = 0;
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (customer, _) =>
        {
            if (await grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(Workspace, $"c{customer}")).GetProfileAsync() is null)
            {
                Interlocked.Increment(ref withoutProfile);
            }
        });
        return withoutProfile;
    }

    private static void Progress(string text) => Console.Error.WriteLine($"million: {text}");

    /// <summary>
    /// Settings of the first silo. With only <see cref="EventsEach"/> events, a customer is below the default
    /// threshold for a snapshot at deactivation (16 unsnapshotted events), so none would be written and the restart
    /// would replay journals instead of reading snapshots: every customer with an unsnapshotted event writes one here.
    /// A million writes also outlast the default 30 s allowed for deactivations and for the host's shutdown.
    /// </summary>
    private static void SnapshotEveryCustomerOnShutdown(ISiloBuilder silo)
    {
        silo.Services.Configure<CustomerGrainOptions>(o => o.SnapshotOnDeactivationAfterEvents = 1);
        silo.Configure<GrainCollectionOptions>(o => o.DeactivationTimeout = TimeSpan.FromMinutes(30));
        silo.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(30));
    }
}
