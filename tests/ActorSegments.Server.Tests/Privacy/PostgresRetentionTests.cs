using ActorSegments.Grains.Privacy;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Server.Tests.Privacy;

/// <summary>
/// Journal retention end to end on PostgreSQL: old events leave the journal, and segments that read only the
/// customer's aggregates answer as before, also after a restart rebuilds the customer from what is left.
/// </summary>
public sealed class PostgresRetentionTests
{
    private const string Workspace = "acme";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Id, string Rule)[] Segments =
    [
        ("loyal", "count(purchase) >= 3"),
        ("big-spenders", "sum(purchase.revenue) >= 100"),
        ("recent-buyers", "did(purchase, within 7d)"),
        ("lapsed", "not did(purchase, within 30d)"),
    ];

    [Fact]
    public async Task RetentionPass_OldEventsLeaveTheJournal_AggregateSegmentsAndTheProfileStayTheSame()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("retention");
        (string, string)[] settings = [.. RunningServer.OnPostgres(db), ("ActorSegments:Retention:Interval", "01:00:00"), ("ActorSegments:Retention:PassEvery", "00:00:00")];
        var (kept, lapsed) = ($"kept-{Guid.NewGuid():N}", $"lapsed-{Guid.NewGuid():N}");
        CustomerProfile keptBefore, lapsedBefore;
        Retention status;
        await using (var server = await RunningServer.StartAsync(settings))
        {
            await DefineAsync(server);
            await PurchasesAsync(server, kept, 60, 50, 40, 2);
            await PurchasesAsync(server, lapsed, 90, 80, 70);
            keptBefore = await ProfileAsync(server, kept);
            lapsedBefore = await ProfileAsync(server, lapsed);
            await server.Admin.SetRetentionAsync(new SetRetentionRequest { WorkspaceId = Workspace, RetentionDays = 30 }, cancellationToken: Ct);
            var loop = server.Services.GetRequiredService<JournalRetentionLoop>();

            // The first pass finds old entries no snapshot includes and asks their customers for one; the second deletes.
            await loop.RunOnceAsync(Ct);
            var waited = await server.Admin.GetRetentionAsync(new GetRetentionRequest { WorkspaceId = Workspace }, cancellationToken: Ct);
            await loop.RunOnceAsync(Ct);
            status = await server.Admin.GetRetentionAsync(new GetRetentionRequest { WorkspaceId = Workspace }, cancellationToken: Ct);
            Assert.Equal((7L, 0L, 2L), (waited.Examined, waited.Deleted, waited.WaitingForSnapshot));
        }

        // A new server rebuilds both customers from their snapshots and what is left of their journals.
        await using var restarted = await RunningServer.StartAsync(settings);
        var keptAfter = await ProfileAsync(restarted, kept);
        var lapsedAfter = await ProfileAsync(restarted, lapsed);

        Assert.Equal((30, 7L, 6L, 0L, false), (status.RetentionDays, status.Examined, status.Deleted, status.WaitingForSnapshot, status.Running));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM customer_journal WHERE customer_id = '{kept}'"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM customer_journal WHERE customer_id = '{lapsed}'"));
        Assert.Equal(["big-spenders", "loyal", "recent-buyers"], keptBefore.Segments.Select(s => s.SegmentId).Order());
        Assert.Equal(["big-spenders", "lapsed", "loyal"], lapsedBefore.Segments.Select(s => s.SegmentId).Order());
        Assert.Equal(Answers(keptBefore), Answers(keptAfter));
        Assert.Equal(Answers(lapsedBefore), Answers(lapsedAfter));
        foreach (var (id, _) in Segments)
        {
            var members = await restarted.Segments.ListMembersAsync(new ListMembersRequest { WorkspaceId = Workspace, SegmentId = id }, cancellationToken: Ct);
            Assert.Equal(
                new[] { keptBefore, lapsedBefore }.Where(p => p.Segments.Any(s => s.SegmentId == id)).Select(p => p.CustomerId).Order(StringComparer.Ordinal),
                members.Members.Select(m => m.CustomerId).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>What segments and reports read from a profile: counts, RFM, lifecycle, segments and their entry times.</summary>
    private static string Answers(CustomerProfile profile) =>
        $"{profile.TotalEvents} {profile.Rfm} {profile.LifecycleStage} {string.Join(",", profile.Segments.OrderBy(s => s.SegmentId, StringComparer.Ordinal))}";

    private static async Task DefineAsync(RunningServer server)
    {
        foreach (var (id, rule) in Segments)
        {
            await server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = Workspace, SegmentId = id, Rule = rule }, cancellationToken: Ct);
        }

        await Eventually.ReturnsAsync(
            () => server.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = Workspace }, cancellationToken: Ct).ResponseAsync,
            l => l.Segments.Count == Segments.Length && l.Segments.All(s => s.Status == SegmentStatus.Live));
    }

    private static async Task PurchasesAsync(RunningServer server, string customer, params int[] daysAgo)
    {
        var batch = new TrackBatchRequest();
        foreach (var days in daysAgo)
        {
            var purchase = Events.Make(customer, "purchase", occurredAt: DateTimeOffset.UtcNow.AddDays(-days), workspaceId: Workspace);
            purchase.Properties["revenue"] = Value.ForNumber(40);
            batch.Events.Add(purchase);
        }

        await server.Ingest.TrackBatchAsync(batch, cancellationToken: Ct);
    }

    private static Task<CustomerProfile> ProfileAsync(RunningServer server, string customer) =>
        server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = Workspace, CustomerId = customer }, cancellationToken: Ct).ResponseAsync;
}
