using System.Diagnostics;
using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Customers;
using ActorSegments.Grains.Segments;
using ActorSegments.Workload;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ActorSegments.ClusterBench;

/// <summary>The measurements, each returning its figures for the report.</summary>
internal static class Scenarios
{
    private static readonly string[] Categories = ["Smartphones", "Laptops", "Audio", "Cameras", "Wearables", "Gaming", "Home", "Accessories"];

    /// <summary>Long enough for customers called last to have gone dormant (the default delay, plus the timer's slack).</summary>
    public static readonly TimeSpan PastDormancy = new CustomerGrainOptions().DormantAfter + TimeSpan.FromSeconds(15);

    /// <summary>
    /// Plain binary COPY of journal rows, 10,000 per transaction on one connection: the ceiling for the journal. The
    /// rows are the workload events the journal and ingest scenarios write, 10 per customer.
    /// </summary>
    public static Task<double> RawCopyAsync(NpgsqlDataSource dataSource, string workspace, int events)
    {
        var rows = Enumerable.Range(0, events / 10)
            .SelectMany(c => WorkloadCalls.For(c, 0, 10).Select((evt, k) => new JournalRow(
                workspace, $"r{c}", k + 1, evt.OccurredAt.ToUnixTimeSeconds(), evt.EventId, evt.Type, evt.OccurredAt, JournalRecordCodec.Serialize(evt))))
            .ToList();
        return JournalCopy.RowsPerSecondAsync(dataSource, "customer_journal", rows);
    }

    /// <summary>The group-commit journal alone: many concurrent commits of 10 workload events each, no grains.</summary>
    public static async Task<double> JournalOnlyAsync(ICustomerJournal journal, string workspace, int events, int concurrency)
    {
        var commits = events / 10;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, commits), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (c, token) =>
        {
            var entries = WorkloadCalls.For(c, 0, 10).Select((evt, k) => new JournalEntry(k + 1, 0, evt)).ToList();
            await journal.CommitAsync(new CustomerCommit(workspace, $"j{c}", entries, [], null), token);
        });
        return commits * 10 / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Customers receiving workload events through their grains: every customer first gets one call (activation,
    /// not measured), then <paramref name="rounds"/> more calls each of <paramref name="perCall"/> events, measured.
    /// </summary>
    public static async Task<double> GrainIngestAsync(IGrainFactory grains, string workspace, int customers, int perCall, int rounds, int concurrency)
    {
        await CallAllAsync(grains, workspace, customers, 1, round: 0, perCall, concurrency, WorkloadCalls.For);
        var watch = Stopwatch.StartNew();
        await CallAllAsync(grains, workspace, customers, rounds, round: 1, perCall, concurrency, WorkloadCalls.For);
        return (double)customers * rounds * perCall / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Managed heap growth per customer when <paramref name="customers"/> customers are active with the given history.</summary>
    public static async Task<double> HeapPerCustomerAsync(IGrainFactory grains, string workspace, int customers, int eventsEach, int concurrency)
    {
        var growth = HeapGrowth.Start();
        await ActivateAsync(grains, workspace, customers, eventsEach, concurrency);
        return growth.PerCustomer(customers);
    }

    /// <summary>
    /// Heap per customer as the heap freed by deactivating every customer — a difference taken seconds apart, so
    /// buffers and pools that shrink over time do not count. Call it right after activating customers (hot state) or
    /// after letting them idle past the dormancy delay (compacted state).
    /// </summary>
    public static async Task<double> HeapFreedByDeactivationAsync(IGrainFactory grains, int customers)
    {
        var withCustomers = HeapGrowth.Settled();
        var management = grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        while (await management.GetTotalActivationCount() > 100)
        {
            await Task.Delay(500);
        }

        return (withCustomers - HeapGrowth.Settled()) / (double)customers;
    }

    /// <summary>
    /// Activates <paramref name="customers"/> customers with the given history and lets nothing else happen. The
    /// heap scenarios keep the simple events (3 types, 8 categories) their figures in docs/benchmarks.md were
    /// measured with, so that those stay comparable.
    /// </summary>
    public static Task ActivateAsync(IGrainFactory grains, string workspace, int customers, int eventsEach, int concurrency) =>
        CallAllAsync(grains, workspace, customers, eventsEach / 10, round: 0, perCall: 10, concurrency, SimpleCall);

    /// <summary>
    /// Idle customers with deadlines: each views a product so that "viewed in the last 5 minutes" ends at a known
    /// instant spread over two minutes; all are deactivated before the first deadline; the exits are recorded by the
    /// wake-up sweep. Returns p50 and p99 of (committed at - deadline), and how many exits were recorded.
    /// </summary>
    public static async Task<(double P50, double P99, long Exits, int ActiveAtFirstDeadline)> WakeUpLatenessAsync(
        IServiceProvider services, NpgsqlDataSource dataSource, int customers, int concurrency)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var definitions = services.GetRequiredService<SegmentDefinitions>();
        await definitions.SaveAsync("wake", "recent-viewers", "did(product_viewed, within 5m)", null);
        var first = DateTimeOffset.UtcNow.AddMinutes(4);
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var deadline = first.AddSeconds(i % 120);
            var viewed = new CustomerEvent($"w-{i}", "product_viewed", deadline.AddMinutes(-5), CustomerEvent.NoProperties);
            await grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format("wake", $"w{i}")).TrackAsync([viewed]);
        });

        // Put every customer to sleep; with this many, collection outlasts a call's timeout, so poll until done.
        var management = grains.GetGrain<IManagementGrain>(0);
        _ = management.ForceActivationCollection(TimeSpan.Zero).ContinueWith(t => t.Exception, TaskScheduler.Default);
        while (await management.GetTotalActivationCount() > 1000 && DateTimeOffset.UtcNow < first)
        {
            await Task.Delay(1000);
        }

        var untilFirst = first - DateTimeOffset.UtcNow;
        if (untilFirst > TimeSpan.Zero)
        {
            await Task.Delay(untilFirst);
        }

        var active = await management.GetTotalActivationCount();
        await Task.Delay(TimeSpan.FromSeconds(120 + 30));
        await using var command = dataSource.CreateCommand("""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM logged_at - changed_at)),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM logged_at - changed_at)),
                   count(*)
            FROM membership_log WHERE workspace_id = 'wake' AND segment_id = 'recent-viewers' AND NOT entered
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDouble(0), reader.GetDouble(1), reader.GetInt64(2), active);
    }

    /// <summary>
    /// A segment created over existing idle customers (one event each, all deactivated first): customers evaluated
    /// per second until it is live.
    /// </summary>
    public static async Task<(double AllEnter, double FewEnter, long Customers)> BackfillAsync(IServiceProvider services, string workspace, int customers, int concurrency)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
            await grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspace, $"b{i}")).TrackAsync([MakeEvent($"b-{i}", i)]));
        var management = grains.GetGrain<IManagementGrain>(0);
        _ = management.ForceActivationCollection(TimeSpan.Zero).ContinueWith(t => t.Exception, TaskScheduler.Default);
        while (await management.GetTotalActivationCount() > 1000)
        {
            await Task.Delay(1000);
        }

        // Every customer viewed a product; one in twelve bought.
        var (all, evaluated) = await TimeBackfillAsync(services, workspace, "all-viewers", "did(product_viewed) or did(purchase)");
        var (few, _) = await TimeBackfillAsync(services, workspace, "buyers", "did(purchase)");
        return (all, few, evaluated);
    }

    private static async Task<(double PerSecond, long Customers)> TimeBackfillAsync(IServiceProvider services, string workspace, string segmentId, string rule)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var watch = Stopwatch.StartNew();
        await services.GetRequiredService<SegmentDefinitions>().SaveAsync(workspace, segmentId, rule, null);
        var stats = await SegmentSetup.WaitUntilLiveAsync(grains, workspace, segmentId);
        return (stats.BackfillDone / watch.Elapsed.TotalSeconds, stats.BackfillDone);
    }

    /// <summary>
    /// Calls customers c0 to c(<paramref name="customers"/> - 1), <paramref name="rounds"/> times each starting at call
    /// number <paramref name="round"/>, with the events <paramref name="eventsFor"/> gives (customer, call, count).
    /// </summary>
    public static async Task CallAllAsync(IGrainFactory grains, string workspace, int customers, int rounds, int round, int perCall, int concurrency, Func<int, int, int, CustomerEvent[]> eventsFor)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, customers * rounds), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, _) =>
        {
            var customer = n % customers;
            var call = round + (n / customers);
            await grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspace, $"c{customer}")).TrackAsync(eventsFor(customer, call, perCall));
        });
    }

    private static CustomerEvent[] SimpleCall(int customer, int call, int perCall) =>
        [.. Enumerable.Range(0, perCall).Select(k => MakeEvent($"{call}-{k}", (call * perCall) + k))];

    private static CustomerEvent MakeEvent(string id, int n)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        return n % 12 == 11
            ? new CustomerEvent(id, "purchase", at, new Dictionary<string, PropertyValue> { ["revenue"] = PropertyValue.Of(19.99 + (n % 50)), ["category"] = PropertyValue.Of(Categories[n % Categories.Length]) })
            : new CustomerEvent(id, n % 5 == 0 ? "page_viewed" : "product_viewed", at, new Dictionary<string, PropertyValue>
            {
                ["category"] = PropertyValue.Of(Categories[n % Categories.Length]),
                ["product_id"] = PropertyValue.Of($"p{n % 300}"),
            });
    }
}
