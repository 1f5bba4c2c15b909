using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using ActorSegments.Testing.Webhooks;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Server.Tests.Privacy;

/// <summary>
/// Erasure end to end on PostgreSQL: a customer in several segments, with a feature row, a cohort assignment and
/// webhook delivery errors naming it, is erased; afterwards no column of any table of the schema holds its id.
/// </summary>
public sealed class PostgresErasureTests
{
    private const string Workspace = "acme";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeleteCustomer_OnPostgres_LeavesTheIdInNoColumnOfAnyTableAndTheFeedConsistent()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("erase_scan");
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync([
            .. RunningServer.OnPostgres(db),
            ("ActorSegments:Privacy:ErasedExitsVisibleFor", "00:00:00"),
            ("ActorSegments:Features:FlushInterval", "00:00:00.05"),
            ("ActorSegments:Webhooks:AllowHttp", "true"),
            ("ActorSegments:Webhooks:AllowedNetworks:0", "127.0.0.0/8"),
            ("ActorSegments:Webhooks:PollInterval", "00:00:00.05"),
            ("ActorSegments:Webhooks:RetryFirst", "00:00:00.05"),
            ("ActorSegments:Webhooks:RetryLongest", "00:00:00.2")]);
        var (erased, kept) = ($"erase-me-{Guid.NewGuid():N}", $"keep-me-{Guid.NewGuid():N}");
        await SegmentsAsync(server);
        await WebhookAsync(server, receiver);
        foreach (var customer in new[] { erased, kept })
        {
            await server.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { Events.Make(customer, "page_viewed", workspaceId: Workspace), Events.Make(customer, "purchase", workspaceId: Workspace) } }, cancellationToken: Ct);
            await server.Ingest.IdentifyAsync(new IdentifyRequest { WorkspaceId = Workspace, CustomerId = customer, Traits = { ["email"] = Value.ForString($"{customer}@example.com"), ["country"] = Value.ForString("US") } }, cancellationToken: Ct);
            // What a cohort refresh writes (running one needs far more customers than this test has).
            await db.ExecuteAsync($"INSERT INTO cohort_assignments (workspace_id, customer_id, cohort_id, features_as_of) VALUES ('{Workspace}', '{customer}', 'k1', 0)");
        }

        // Every kind of row that names the customer is there before the erasure.
        var before = await Eventually.ReturnsAsync(() => SchemaScan.FindAsync(db.DataSource, erased, Ct), f =>
            f.ContainsKey("customer_features.customer_id") && f.ContainsKey("webhook_deliveries.error") && f.ContainsKey("segment_members.customer_id"));
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.DistinctChanges().Count(c => c.CustomerId == erased)), n => n == 1);

        var response = await server.Profiles.DeleteCustomerAsync(new DeleteCustomerRequest { WorkspaceId = Workspace, CustomerId = erased }, cancellationToken: Ct);
        var after = await SchemaScan.FindAsync(db.DataSource, erased, Ct);
        var retry = await server.Profiles.DeleteCustomerAsync(new DeleteCustomerRequest { WorkspaceId = Workspace, CustomerId = erased }, cancellationToken: Ct);
        var afterRetry = await SchemaScan.FindAsync(db.DataSource, erased, Ct);
        var stillThere = await SchemaScan.FindAsync(db.DataSource, kept, Ct);

        Assert.Contains("customer_journal.body", before.Keys);
        Assert.Contains("membership_log.customer_id", before.Keys);
        Assert.Contains("cohort_assignments.customer_id", before.Keys);
        Assert.Empty(after);
        Assert.Empty(afterRetry);
        Assert.Equal(["buyers", "us", "viewers"], response.Exits);
        Assert.Equal((false, true), (retry.Found, retry.AlreadyErased));
        // The scan finds what is there: the customer who was not erased is found where the erased one was.
        // (Webhook errors quote whichever customers the refused messages carried, so they are left out of the comparison.)
        string[] quotedByChance = ["webhook_deliveries.error", "webhook_destinations.last_error"];
        Assert.Equal(before.Keys.Except(quotedByChance).Order(), stillThere.Keys.Except(quotedByChance).Order());

        // Counts dropped by one, and each segment's feed ends with the erasure exit under the enters' token.
        foreach (var segment in new[] { "viewers", "buyers", "us" })
        {
            await Eventually.ReturnsAsync(() => server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = Workspace, SegmentId = segment }, cancellationToken: Ct).ResponseAsync, s => s.Members == 1);
            var feed = await Eventually.ReturnsAsync(() => FeedAsync(server, segment), f => f.Count == 3);
            var token = feed.Single(c => c.Entered && c.CustomerId != kept).CustomerId;
            Assert.StartsWith("erased:", token, StringComparison.Ordinal);
            Assert.Equal((token, false, ChangeCause.Erased), (feed[^1].CustomerId, feed[^1].Entered, feed[^1].Cause));
        }
    }

    [Fact]
    public async Task DeleteCustomer_OfAnAliasOnPostgres_ErasesThePersonUnderBothIdsFromEveryTable()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("erase_alias_scan");
        await using var server = await RunningServer.StartAsync([.. RunningServer.OnPostgres(db), ("ActorSegments:Privacy:ErasedExitsVisibleFor", "00:00:00")]);
        var (anonymous, known, bystander) = ($"anon-{Guid.NewGuid():N}", $"known-{Guid.NewGuid():N}", $"other-{Guid.NewGuid():N}");
        await SegmentsAsync(server);
        foreach (var customer in new[] { anonymous, known, bystander })
        {
            await server.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { Events.Make(customer, "page_viewed", workspaceId: Workspace) } }, cancellationToken: Ct);
        }

        await server.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { Events.Make(known, "purchase", workspaceId: Workspace) } }, cancellationToken: Ct);
        await server.Ingest.AliasAsync(new AliasRequest { WorkspaceId = Workspace, CustomerId = known, PreviousId = anonymous, LinkId = "link-1" }, cancellationToken: Ct);
        var anonymousBefore = await SchemaScan.FindAsync(db.DataSource, anonymous, Ct);

        // Erasing by the alias's id erases the person: the customer it was linked into, and the alias with it.
        var response = await server.Profiles.DeleteCustomerAsync(new DeleteCustomerRequest { WorkspaceId = Workspace, CustomerId = anonymous }, cancellationToken: Ct);

        Assert.Contains("customer_journal.customer_id", anonymousBefore.Keys);
        Assert.True(response.Found);
        Assert.Equal(["buyers", "viewers"], response.Exits);
        Assert.Empty(await SchemaScan.FindAsync(db.DataSource, anonymous, Ct));
        Assert.Empty(await SchemaScan.FindAsync(db.DataSource, known, Ct));
        Assert.Contains("customer_journal.customer_id", (await SchemaScan.FindAsync(db.DataSource, bystander, Ct)).Keys);
        var viewers = await Eventually.ReturnsAsync(() => server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = Workspace, SegmentId = "viewers" }, cancellationToken: Ct).ResponseAsync, s => s.Members == 1);
        Assert.Equal(1, viewers.Members);
    }

    private static async Task SegmentsAsync(RunningServer server)
    {
        (string Id, string Rule)[] segments = [("viewers", "did(page_viewed)"), ("buyers", "did(purchase)"), ("us", "trait.country = \"US\"")];
        foreach (var (id, rule) in segments)
        {
            await server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = Workspace, SegmentId = id, Rule = rule }, cancellationToken: Ct);
        }

        await Eventually.ReturnsAsync(
            () => server.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = Workspace }, cancellationToken: Ct).ResponseAsync,
            l => l.Segments.Count == segments.Length && l.Segments.All(s => s.Status == SegmentStatus.Live));
    }

    /// <summary>A destination whose receiver refuses the first two messages naming their customers, then accepts.</summary>
    private static async Task WebhookAsync(RunningServer server, WebhookReceiver receiver)
    {
        var created = await new WebhookService.WebhookServiceClient(server.As(RunningServer.BootstrapKey).Invoker).CreateWebhookAsync(new CreateWebhookRequest
        {
            WorkspaceId = Workspace,
            Webhook = new Webhook { WebhookId = "crm", Url = receiver.Url, SegmentIds = { "buyers" }, MaxDelay = Duration.FromTimeSpan(TimeSpan.Zero) },
        }, cancellationToken: Ct);
        receiver.Secret = created.Secret;
        receiver.Behavior = n => n <= 2 ? ReceiverAnswer.FailNamingCustomers : ReceiverAnswer.Accept;
    }

    private static async Task<List<MembershipChange>> FeedAsync(RunningServer server, string segment) =>
        [.. (await server.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = Workspace, SegmentId = segment, PageSize = 100 }, cancellationToken: Ct)).Changes];
}
