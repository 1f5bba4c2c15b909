using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Server.Tests;

/// <summary>The server on PostgreSQL: durable across restarts, one cluster across processes, distinct string keys.</summary>
public sealed class PostgresModeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<CustomerProfile> ProfileAsync(RunningServer server, string customerId) =>
        server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = customerId }, cancellationToken: Ct).ResponseAsync;

    [Fact]
    public async Task CustomerState_SurvivesAServerRestart()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("restart");
        var customer = Events.NewCustomerId();
        var purchase = Events.Make(customer, "purchase");

        await using (var first = await RunningServer.StartAsync(RunningServer.OnPostgres(db)))
        {
            await first.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { Events.Make(customer), purchase } }, cancellationToken: Ct);
        }

        await using var second = await RunningServer.StartAsync(RunningServer.OnPostgres(db));
        var profile = await ProfileAsync(second, customer);
        var retry = await second.Ingest.TrackAsync(new TrackRequest { Event = purchase }, cancellationToken: Ct);

        Assert.Equal(2, profile.TotalEvents);
        Assert.Equal(["product_viewed", "purchase"], profile.EventTypes.Select(t => t.Type));
        Assert.Equal(EventOutcome.Duplicate, retry.Outcome);
    }

    [Fact]
    public async Task HexLookingCustomerIds_KeepSeparateState()
    {
        // Ids that read as the same number in hex or decimal ("a", "A", "0a", "000A"; "10", "010") are distinct
        // customers everywhere: in grain keys, the journal and the snapshot table.
        await using var db = await TestPostgres.CreateDatabaseAsync("hexkeys");
        // Every deactivation writes a snapshot, so each customer has its own row to check.
        await using var server = await RunningServer.StartAsync([.. RunningServer.OnPostgres(db), ("ActorSegments:Customers:SnapshotOnDeactivationAfterEvents", "1")]);
        string[] ids = ["a", "A", "0a", "000A", "10", "010"];

        for (var i = 0; i < ids.Length; i++)
        {
            var batch = new TrackBatchRequest();
            batch.Events.AddRange(Enumerable.Range(0, i + 1).Select(_ => Events.Make(ids[i])));
            await server.Ingest.TrackBatchAsync(batch, cancellationToken: Ct);
        }

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(i + 1, (await ProfileAsync(server, ids[i])).TotalEvents);
        }

        Assert.Equal(ids.Length, await db.ScalarAsync<long>("SELECT count(DISTINCT customer_id) FROM customer_journal WHERE workspace_id = 'acme'"));

        // Snapshots are written when customers deactivate: one row per customer, none shared.
        await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);
        var rows = await Eventually.ReturnsAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM customer_snapshots WHERE workspace_id = 'acme'"),
            count => count >= ids.Length);
        Assert.Equal(ids.Length, rows);
    }

    [Fact]
    public async Task TwoServers_FormOneClusterThroughAdoNetClustering()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("cluster");
        await using var a = await RunningServer.StartAsync(RunningServer.OnPostgres(db, clusterId: "two"));
        await using var b = await RunningServer.StartAsync(RunningServer.OnPostgres(db, clusterId: "two"));

        var management = a.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var hosts = await Eventually.ReturnsAsync(() => management.GetHosts(onlyActive: true, Ct), h => h.Count == 2);
        var activeRows = await db.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE deployment_id = 'two' AND status = 3");

        Assert.Equal(new[] { a.SiloPort, b.SiloPort }.Order(), hosts.Keys.Select(s => s.Endpoint.Port).Order());
        Assert.Equal(2, activeRows);

        // Each customer lives in one activation in the cluster, whichever gateway a call arrives at.
        var customers = Enumerable.Range(0, 20).Select(_ => Events.NewCustomerId()).ToList();
        foreach (var customer in customers)
        {
            await a.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(customer) }, cancellationToken: Ct);
            await b.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(customer) }, cancellationToken: Ct);
        }

        foreach (var customer in customers)
        {
            Assert.Equal(2, (await ProfileAsync(b, customer)).TotalEvents);
        }
    }

    [Fact]
    public async Task Health_ReportsNotServingWhenPostgresIsUnreachable()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("health");
        await using var server = await RunningServer.StartAsync(RunningServer.OnPostgres(db));
        var health = new global::Grpc.Health.V1.Health.HealthClient(server.Channel);
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new(), cancellationToken: Ct)).Status);

        await db.CutConnectionsAsync();
        var status = (await health.CheckAsync(new(), cancellationToken: Ct)).Status;
        await db.RestoreConnectionsAsync();

        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing, status);
    }

    [Fact]
    public async Task Track_WhilePostgresIsUnreachable_IsUnavailableAndTheRetryAppliesOnce()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("outage");
        await using var server = await RunningServer.StartAsync(RunningServer.OnPostgres(db));
        var customer = Events.NewCustomerId();
        await server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(customer) }, cancellationToken: Ct);
        var purchase = Events.Make(customer, "purchase");

        await db.CutConnectionsAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Ingest.TrackAsync(new TrackRequest { Event = purchase }, cancellationToken: Ct).ResponseAsync);
        await db.RestoreConnectionsAsync();
        var retry = await server.Ingest.TrackAsync(new TrackRequest { Event = purchase }, cancellationToken: Ct);
        var profile = await ProfileAsync(server, customer);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains("Retry it with the same event ids", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(EventOutcome.Applied, retry.Outcome);
        Assert.Equal(2, profile.TotalEvents);
    }

    [Fact]
    public async Task ReminderTable_OnTheProjectSchema_UpsertsReadsAndRemoves()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("reminders");
        await using var server = await RunningServer.StartAsync(RunningServer.OnPostgres(db));
        var table = server.Services.GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("test-grain", "r1");
        var hash = grain.GetUniformHashCode();
        var start = new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);

        var first = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "sweep", StartAt = start, Period = TimeSpan.FromMinutes(5) }, Ct);
        var second = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "sweep", StartAt = start, Period = TimeSpan.FromMinutes(10) }, Ct);
        var row = await table.ReadRow(grain, "sweep", Ct);
        var byGrain = await table.ReadRows(grain, Ct);
        var inRange = await table.ReadRows(unchecked(hash - 1), hash, Ct);
        var outsideRange = await table.ReadRows(hash, unchecked(hash - 1), Ct);
        var staleRemove = await table.RemoveRow(grain, "sweep", first!, Ct);
        var remove = await table.RemoveRow(grain, "sweep", second!, Ct);

        Assert.NotEqual(first, second);
        Assert.Equal((grain, TimeSpan.FromMinutes(10), start, second), (row!.GrainId, row.Period, row.StartAt, row.ETag));
        Assert.Single(byGrain.Reminders);
        Assert.Single(inRange.Reminders);
        Assert.Empty(outsideRange.Reminders);
        Assert.False(staleRemove);
        Assert.True(remove);
        Assert.Null(await table.ReadRow(grain, "sweep", Ct));
    }

    [Fact]
    public async Task OnPostgreSQL_KeysSegmentsMembersAndTheChangeFeedWorkEndToEndAndSurviveARestart()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("readpath");
        string key;
        string cursor;
        await using (var first = await RunningServer.StartAsync(RunningServer.OnPostgres(db)))
        {
            await first.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = "shop" }, cancellationToken: Ct);
            key = (await first.Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = "shop", Name = "backend", Scopes = { "admin" } }, cancellationToken: Ct)).Secret;
            var client = first.As(key);
            await client.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = "shop", SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
            await client.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { Events.Make("c1", "purchase", workspaceId: "shop"), Events.Make("c2", "purchase", workspaceId: "shop") } }, cancellationToken: Ct);
            var changes = await ReadAllChangesAsync(client, string.Empty, expected: 2);
            cursor = changes.Cursor;
            Assert.Equal(["c1", "c2"], changes.Customers.Order(StringComparer.Ordinal));
        }

        await using var second = await RunningServer.StartAsync(RunningServer.OnPostgres(db));
        var again = second.As(key);
        await again.Ingest.TrackAsync(new TrackRequest { Event = Events.Make("c3", "purchase", workspaceId: "shop") }, cancellationToken: Ct);
        var later = await ReadAllChangesAsync(again, cursor, expected: 1);
        var members = await again.Segments.ListMembersAsync(new ListMembersRequest { WorkspaceId = "shop", SegmentId = "buyers" }, cancellationToken: Ct);

        Assert.Equal(["c3"], later.Customers);
        Assert.Equal(["c1", "c2", "c3"], members.Members.Select(m => m.CustomerId));
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => second.As(null).Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = "shop" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    /// <summary>
    /// Reads the feed until <paramref name="expected"/> changes arrived: on PostgreSQL a change becomes readable once
    /// no older transaction of the server is still running, a moment after its commit.
    /// </summary>
    private static async Task<(List<string> Customers, string Cursor)> ReadAllChangesAsync(ApiClients client, string cursor, int expected)
    {
        var customers = new List<string>();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (customers.Count < expected)
        {
            var page = await client.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = "shop", SegmentId = "buyers", Cursor = cursor }, cancellationToken: limit.Token);
            customers.AddRange(page.Changes.Select(c => c.CustomerId));
            cursor = page.NextCursor;
            if (page.Changes.Count == 0)
            {
                await Task.Delay(50, limit.Token);
            }
        }

        return (customers, cursor);
    }
}
