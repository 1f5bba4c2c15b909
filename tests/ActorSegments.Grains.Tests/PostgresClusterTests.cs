using System.Collections.Concurrent;
using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Postgres;
using ActorSegments.Postgres.Migrations;
using ActorSegments.Postgres.Segments;
using ActorSegments.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;

namespace ActorSegments.Grains.Tests;

/// <summary>Customers on a three-silo cluster whose journal, snapshots and definitions live in PostgreSQL.</summary>
public sealed class PostgresClusterTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SiloKilledDuringIngest_EveryAcknowledgedEventIsAppliedExactlyOnce_AndNothingIsHalfApplied_EvenWhenResentLater()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateDatabaseAsync("kill_silo");
        await new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct);
        await new PostgresSegmentDefinitionStore(db.DataSource).SaveAsync("acme", "buyers", "did(purchase)", null, ct);
        await using var cluster = BuildCluster(db.ConnectionString, silos: 3);
        await cluster.DeployAsync(ct);

        const int customers = 60;
        var acknowledged = new ConcurrentDictionary<string, byte>();
        var sent = new ConcurrentDictionary<string, byte>();

        // Every customer starts with a history longer than any window of recent ids, spread over the silos.
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (c, _) =>
        {
            CustomerEvent[] history = [.. Enumerable.Range(0, 600).Select(k => new CustomerEvent($"c{c}-history-{k}", "product_viewed", T0.AddSeconds(-k), CustomerEvent.NoProperties))];
            foreach (var chunk in history.Chunk(300))
            {
                await cluster.Client.GetGrain<ICustomerGrain>(CustomerGrainKey.Format("acme", $"c{c}")).TrackAsync(chunk);
                foreach (var e in chunk)
                {
                    (sent[e.EventId], acknowledged[e.EventId]) = (0, 0);
                }
            }
        });
        var failures = 0;
        using var stop = new CancellationTokenSource();
        var next = 0;

        async Task ClientAsync(int worker)
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                var customer = $"c{random.Next(customers)}";
                CustomerEvent[] events = [.. Enumerable.Range(0, random.Next(1, 4)).Select(k => new CustomerEvent(
                    $"{customer}-{n}-{k}", random.Next(4) == 0 ? "purchase" : "product_viewed", T0.AddSeconds(n), CustomerEvent.NoProperties))];
                foreach (var e in events)
                {
                    sent[e.EventId] = 0;
                }

                // A client that retries until acknowledged, with the same event ids, as the API asks.
                for (var attempt = 0; attempt < 50; attempt++)
                {
                    try
                    {
                        await cluster.Client.GetGrain<ICustomerGrain>(CustomerGrainKey.Format("acme", customer)).TrackAsync(events);
                        foreach (var e in events)
                        {
                            acknowledged[e.EventId] = 0;
                        }

                        break;
                    }
                    catch (Exception) when (!ct.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref failures);
                        await Task.Delay(100, CancellationToken.None);
                    }
                }
            }
        }

        var clients = Enumerable.Range(0, 8).Select(ClientAsync).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var victim = cluster.Silos.First(s => s != cluster.Silos[0]);
        await cluster.KillSiloAsync(victim, ct);
        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        output.WriteLine($"sent {sent.Count} events, acknowledged {acknowledged.Count}, {failures} failed attempts (retried)");
        Assert.True(acknowledged.Count > 100, $"only {acknowledged.Count} events were acknowledged");
        var journaled = await JournalAsync(db);
        // Exactly once: no event id twice, every acknowledged one present, nothing that was never sent.
        Assert.Equal(journaled.Count, journaled.Select(r => r.EventId).Distinct().Count());
        Assert.Empty(acknowledged.Keys.Except(journaled.Select(r => r.EventId)));
        Assert.Empty(journaled.Select(r => r.EventId).Except(sent.Keys));

        foreach (var group in journaled.GroupBy(r => r.Customer))
        {
            // The state a customer rebuilds is exactly its journal: counts per type agree.
            var profile = await cluster.Client.GetGrain<ICustomerGrain>(CustomerGrainKey.Format("acme", group.Key)).GetProfileAsync();
            Assert.Equal(group.Count(), profile!.TotalEvents);
            Assert.Equal(group.Count(r => r.Type == "purchase"), profile.EventTypes.SingleOrDefault(t => t.Type == "purchase")?.Count ?? 0);
            var bought = group.Any(r => r.Type == "purchase");
            Assert.Equal(bought, profile.Segments.Any(s => s.SegmentId == "buyers"));
            Assert.Equal(bought ? 1L : 0L, await db.ScalarAsync<long>($"SELECT count(*) FROM membership_log WHERE customer_id = '{group.Key}' AND segment_id = 'buyers' AND entered"));
            Assert.Equal(bought ? 1L : 0L, await db.ScalarAsync<long>($"SELECT count(*) FROM segment_members WHERE customer_id = '{group.Key}' AND segment_id = 'buyers'"));
        }

        Assert.Equal(
            await db.ScalarAsync<long>("SELECT count(*) FROM segment_members WHERE segment_id = 'buyers'"),
            await db.ScalarAsync<long>("SELECT members FROM segment_count_totals WHERE segment_id = 'buyers'"));

        // A client that resends everything it ever sent, on the customers the killed silo held too: nothing is new.
        foreach (var group in journaled.GroupBy(r => r.Customer))
        {
            var customer = cluster.Client.GetGrain<ICustomerGrain>(CustomerGrainKey.Format("acme", group.Key));
            foreach (var chunk in group.Chunk(500))
            {
                var result = await customer.TrackAsync([.. chunk.Select(r => new CustomerEvent(r.EventId, r.Type, T0, CustomerEvent.NoProperties))]);
                Assert.Equal(new TrackResult(0, chunk.Length), result);
            }

            Assert.Equal(group.Count(), (await customer.GetProfileAsync())!.TotalEvents);
        }

        Assert.Equal(journaled.Count, (await JournalAsync(db)).Count);
    }

    [Fact]
    public async Task Backfill_ScreensCustomersFromTheirRecords_AndActivatesOnlyThoseItChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateDatabaseAsync("backfill_screen");
        await new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct);
        await using var cluster = BuildCluster(db.ConnectionString, silos: 2);
        await cluster.DeployAsync(ct);

        // Every tenth customer bought; every seventh has enough history to go to sleep with a snapshot.
        const int customers = 2000;
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (i, _) =>
        {
            var count = i % 7 == 0 ? 20 : 1;
            CustomerEvent[] events = [.. Enumerable.Range(0, count).Select(k => new CustomerEvent(
                $"e{k}", i % 10 == 0 && k == count - 1 ? "purchase" : "product_viewed", T0.AddMinutes(k), CustomerEvent.NoProperties))];
            await cluster.Client.GetGrain<ICustomerGrain>(CustomerGrainKey.Format("acme", $"c{i:D4}")).TrackAsync(events);
        });
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, ct);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM customer_snapshots WHERE workspace_id = 'acme'") > 0);

        // The screen alone: of a page, exactly the buyers are affected by a new "did(purchase)" segment.
        var services = cluster.Silos[0].ServiceProvider;
        var store = services.GetRequiredService<ISegmentDefinitionStore>();
        await store.SaveAsync("acme", "buyers", "did(purchase)", null, ct);
        var version = await store.VersionAsync("acme", ct);
        var workspace = await services.GetRequiredService<ActorSegments.Grains.Segments.SegmentCatalog>().GetAsync("acme", version, ct);
        var page = Enumerable.Range(0, 700).Select(i => $"c{i:D4}").ToList();
        var affected = await services.GetRequiredService<ActorSegments.Grains.Segments.BackfillScreen>().AffectedAsync(workspace, "buyers", page, ct);
        Assert.Equal(page.Where((_, i) => i % 10 == 0), affected);

        // The backfill itself converges to the oracle.
        var segment = cluster.Client.GetGrain<ActorSegments.Abstractions.Segments.ISegmentGrain>(ActorSegments.Abstractions.Segments.SegmentGrainKey.Format("acme", "buyers"));
        await segment.StartBackfillAsync(1);
        var live = await Eventually.ReturnsAsync(() => segment.GetStatsAsync(), s => s is { Status: SegmentStatus.Live }, TimeSpan.FromMinutes(2));
        Assert.Equal((customers, customers / 10L), (live!.BackfillDone, live.Members));
        Assert.Equal(customers / 10L, await db.ScalarAsync<long>("SELECT count(*) FROM segment_members WHERE segment_id = 'buyers'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM segment_members WHERE segment_id = 'buyers' AND right(customer_id, 1) <> '0'"));
    }

    private static async Task<List<(string Customer, string EventId, string Type)>> JournalAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand("SELECT customer_id, event_id, event_type FROM customer_journal WHERE workspace_id = 'acme'");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static InProcessTestCluster BuildCluster(string connectionString, short silos)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(_ => PostgresDataSource.Create(connectionString, "grains-tests"));
            silo.UseInMemoryReminderService();
            silo.Services.AddActorSegmentsPostgresStorage();
            silo.Services.AddSingleton<ActorSegments.Grains.Segments.BackfillScreen>();
            silo.Services.AddActorSegmentsGrains();
        });
        return builder.Build();
    }
}
