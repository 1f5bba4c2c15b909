using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using ActorSegments.Testing.Webhooks;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static ActorSegments.Server.Tests.Webhooks.WebhookScenario;

namespace ActorSegments.Server.Tests.Webhooks;

/// <summary>
/// Webhooks through the API against a real receiver on 127.0.0.1: every change of the feed arrives, in feed order per
/// segment, signed so that an independent library verifies it, whatever the receiver answers meanwhile.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookServerFixture fixture) : IClassFixture<WebhookServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RunningServer Server => fixture.Server;

    [Fact]
    public async Task EveryChange_ArrivesInFeedOrderPerSegmentSignedWhileTheReceiverFailsTimesOutAndThrottles()
    {
        const string workspace = "hooks-unreliable";
        await CreateSegmentsAsync(Server, workspace);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.SlowBy = TimeSpan.FromSeconds(1);
        var created = await Client(Server).CreateWebhookAsync(new CreateWebhookRequest
        {
            WorkspaceId = workspace,
            Webhook = new Webhook { WebhookId = "crm", Url = receiver.Url, BatchSize = 10, MaxDelay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(100)) },
        }, cancellationToken: Ct);
        receiver.Secret = created.Secret;
        // Every other request fails, by turns with a 500, a 429 asking to wait a second, or no answer in time.
        receiver.Behavior = n => (n % 6) switch
        {
            1 => ReceiverAnswer.Fail,
            3 => ReceiverAnswer.TooMany,
            5 => ReceiverAnswer.Slow,
            _ => ReceiverAnswer.Accept,
        };

        await ActAsync(Server, workspace, customers: 48, prefix: "u");
        var feed = new Dictionary<string, List<MembershipChange>>();
        foreach (var segment in Segments)
        {
            feed[segment] = await FeedAsync(Server, workspace, segment);
        }

        var expected = feed.Values.Sum(f => f.Count);
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.DistinctChanges().Count), n => n >= expected, TimeSpan.FromMinutes(3));

        var received = receiver.DistinctChanges();
        Assert.Equal(expected, received.Count);
        Assert.Equal(0, receiver.InvalidSignatures);
        Assert.True(feed["us"].Any(c => !c.Entered), "the scenario has exits");
        foreach (var segment in Segments)
        {
            // The order of first receipt is the feed's order, change for change.
            Assert.Equal(
                feed[segment].Select(c => (c.Cursor, c.CustomerId, c.Entered)),
                received.Where(r => r.Segment == segment).Select(r => (r.Cursor, r.CustomerId, r.Entered)));
        }

        // Retried messages came back under the same id with the same body.
        Assert.All(receiver.Accepted.GroupBy(m => m.Id), g => Assert.Single(g.Select(m => m.Body).Distinct()));
        var deliveries = await Client(Server).ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { WorkspaceId = workspace, WebhookId = "crm", Limit = 1000 }, cancellationToken: Ct);
        Assert.Contains(deliveries.Deliveries, d => d.Outcome == "failed" && d.StatusCode == 429);
        Assert.Contains(deliveries.Deliveries, d => d.Outcome == "failed" && d.StatusCode == 500 && d.Error.Contains("maintenance", StringComparison.Ordinal));
        Assert.Contains(deliveries.Deliveries, d => d.Outcome == "failed" && d.StatusCode == 0 && d.Error.Contains("no answer within", StringComparison.Ordinal));
        Assert.Contains(deliveries.Deliveries, d => d.Outcome == "delivered" && d.Attempt > 1);

        // The destination's cursors stand at each segment's last change.
        var webhook = await Client(Server).GetWebhookAsync(new GetWebhookRequest { WorkspaceId = workspace, WebhookId = "crm" }, cancellationToken: Ct);
        Assert.Equal(
            Segments.Order(StringComparer.Ordinal).Select(s => (s, feed[s][^1].Cursor)),
            webhook.Cursors.Select(c => (c.SegmentId, c.DeliveredThrough)));
        Assert.Equal(WebhookStatus.Active, webhook.Status);
    }

    [Fact]
    public async Task ADestinationForSomeSegmentsAndKinds_ReceivesOnlyThoseAndAReplaySendsThemAgain()
    {
        const string workspace = "hooks-filtered";
        await CreateSegmentsAsync(Server, workspace);
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await Client(Server).CreateWebhookAsync(new CreateWebhookRequest
        {
            WorkspaceId = workspace,
            Webhook = new Webhook { WebhookId = "exits", Url = receiver.Url, SegmentIds = { "us", "buyers" }, Kinds = { WebhookKind.Exit }, BatchSize = 3, MaxDelay = Duration.FromTimeSpan(TimeSpan.Zero) },
        }, cancellationToken: Ct);
        receiver.Secret = created.Secret;

        await ActAsync(Server, workspace, customers: 24, prefix: "f");
        var exits = (await FeedAsync(Server, workspace, "us")).Where(c => !c.Entered).ToList();
        var lastBuyer = (await FeedAsync(Server, workspace, "buyers"))[^1].Cursor;
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.DistinctChanges().Count), n => n >= exits.Count);
        await Eventually.ReturnsAsync(() => Client(Server).GetWebhookAsync(new GetWebhookRequest { WorkspaceId = workspace, WebhookId = "exits" }, cancellationToken: Ct).ResponseAsync, w => w.Cursors.Any(c => c.SegmentId == "buyers" && c.DeliveredThrough == lastBuyer));

        Assert.Equal(exits.Select(e => (e.Cursor, e.CustomerId)), receiver.DistinctChanges().Select(r => (r.Cursor, r.CustomerId)));
        Assert.All(receiver.DistinctChanges(), r => Assert.Equal(("us", false), (r.Segment, r.Entered)));

        // A replay from the start sends every change again (batched as the changes stand now, so under new message
        // ids where the batches differ); receivers recognize the changes by their ids.
        await Client(Server).ReplayWebhookAsync(new ReplayWebhookRequest { WorkspaceId = workspace, WebhookId = "exits", Cursor = string.Empty }, cancellationToken: Ct);
        await Eventually.ReturnsAsync(() => Task.FromResult(ChangeIds(receiver).Count), n => n >= 2 * exits.Count);
        Assert.All(ChangeIds(receiver).GroupBy(id => id), g => Assert.Equal(2, g.Count()));
    }

    private static List<string> ChangeIds(WebhookReceiver receiver) =>
        [.. receiver.Accepted.SelectMany(m => System.Text.Json.JsonDocument.Parse(m.Body).RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("id").GetString()!))];

    [Fact]
    public async Task APausedDestination_ReceivesNothingUntilResumedThenEverythingSince()
    {
        const string workspace = "hooks-paused";
        await CreateSegmentsAsync(Server, workspace);
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await Client(Server).CreateWebhookAsync(new CreateWebhookRequest { WorkspaceId = workspace, Webhook = new Webhook { WebhookId = "crm", Url = receiver.Url, SegmentIds = { "viewers" } } }, cancellationToken: Ct);
        receiver.Secret = created.Secret;

        var paused = await Client(Server).PauseWebhookAsync(new PauseWebhookRequest { WorkspaceId = workspace, WebhookId = "crm" }, cancellationToken: Ct);
        await ActAsync(Server, workspace, customers: 10, prefix: "p");
        var feed = await FeedAsync(Server, workspace, "viewers");
        // Long enough for several polls (every 50 ms) and the 5 s batching delay not to matter: nothing goes out.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        Assert.Equal(0, receiver.Requests);

        var resumed = await Client(Server).ResumeWebhookAsync(new ResumeWebhookRequest { WorkspaceId = workspace, WebhookId = "crm" }, cancellationToken: Ct);
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.DistinctChanges().Count), n => n >= feed.Count);

        Assert.Equal((WebhookStatus.Paused, WebhookStatus.Active), (paused.Status, resumed.Status));
        Assert.Equal(feed.Select(c => c.Cursor), receiver.DistinctChanges().Select(c => c.Cursor));
    }

    [Fact]
    public async Task TestFire_ReachesTheReceiverAndInternalAddressesOutsideTheAllowListAreRefused()
    {
        const string workspace = "hooks-test-fire";
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await Client(Server).CreateWebhookAsync(new CreateWebhookRequest { WorkspaceId = workspace, Webhook = new Webhook { WebhookId = "ok", Url = receiver.Url } }, cancellationToken: Ct);
        receiver.Secret = created.Secret;
        await Client(Server).CreateWebhookAsync(new CreateWebhookRequest { WorkspaceId = workspace, Webhook = new Webhook { WebhookId = "metadata", Url = "http://169.254.169.254/latest/meta-data" } }, cancellationToken: Ct);

        var tested = await Client(Server).TestWebhookAsync(new TestWebhookRequest { WorkspaceId = workspace, WebhookId = "ok" }, cancellationToken: Ct);
        var refused = await Client(Server).TestWebhookAsync(new TestWebhookRequest { WorkspaceId = workspace, WebhookId = "metadata" }, cancellationToken: Ct);
        var log = await Client(Server).ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { WorkspaceId = workspace, WebhookId = "metadata" }, cancellationToken: Ct);

        Assert.Equal((true, 204), (tested.Delivered, tested.StatusCode));
        Assert.Contains("\"type\":\"webhook.test\"", Assert.Single(receiver.Accepted).Body, StringComparison.Ordinal);
        Assert.False(refused.Delivered);
        Assert.Contains("169.254.169.254 is an internal address", refused.Error, StringComparison.Ordinal);
        Assert.Equal("refused", Assert.Single(log.Deliveries).Outcome);
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        var listed = await Client(Server).ListWebhooksAsync(new ListWebhooksRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        Assert.DoesNotContain(created.Secret, listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequests_NameTheirFieldsAndChangeNothingAndAReadKeyChangesNothing()
    {
        const string workspace = "hooks-bad";
        await Server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        var client = Client(Server);
        var bad = await Assert.ThrowsAsync<RpcException>(() => client.CreateWebhookAsync(new CreateWebhookRequest
        {
            WorkspaceId = workspace,
            Webhook = new Webhook { WebhookId = "Bad-Id", Url = "ftp://example.com/x", SegmentIds = { "Not A Segment", "ok" , "ok" }, BatchSize = 5000, MaxDelay = Duration.FromTimeSpan(TimeSpan.FromHours(1)) },
        }, cancellationToken: Ct).ResponseAsync);
        var notUrl = await Assert.ThrowsAsync<RpcException>(() => client.CreateWebhookAsync(new CreateWebhookRequest { WorkspaceId = workspace, Webhook = new Webhook { WebhookId = "x", Url = "not a url" } }, cancellationToken: Ct).ResponseAsync);
        var key = await Server.Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = workspace, Name = "reader", Scopes = { "read" } }, cancellationToken: Ct);
        var reader = new WebhookService.WebhookServiceClient(Server.As(key.Secret).Invoker);
        var denied = await Assert.ThrowsAsync<RpcException>(() => reader.CreateWebhookAsync(new CreateWebhookRequest { WorkspaceId = workspace, Webhook = new Webhook { WebhookId = "x", Url = "https://hooks.example.com/x" } }, cancellationToken: Ct).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => client.PauseWebhookAsync(new PauseWebhookRequest { WorkspaceId = workspace, WebhookId = "nobody" }, cancellationToken: Ct).ResponseAsync);
        var badCursor = await Assert.ThrowsAsync<RpcException>(() => client.ReplayWebhookAsync(new ReplayWebhookRequest { WorkspaceId = workspace, WebhookId = "nobody", Cursor = "zz" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["webhook.webhook_id", "webhook.url", "webhook.segment_ids[0]", "webhook.segment_ids", "webhook.batch_size", "webhook.max_delay"], GrpcErrors.ViolatedFields(bad));
        Assert.Equal(["webhook.url"], GrpcErrors.ViolatedFields(notUrl));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(["cursor"], GrpcErrors.ViolatedFields(badCursor));
        Assert.Empty((await client.ListWebhooksAsync(new ListWebhooksRequest { WorkspaceId = workspace }, cancellationToken: Ct)).Webhooks);
    }
}
