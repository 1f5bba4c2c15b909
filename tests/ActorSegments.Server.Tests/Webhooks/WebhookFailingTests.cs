using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using ActorSegments.Testing.Webhooks;
using Google.Protobuf.WellKnownTypes;
using static ActorSegments.Server.Tests.Webhooks.WebhookScenario;

namespace ActorSegments.Server.Tests.Webhooks;

/// <summary>A receiver down for longer than the pause time: the destination is paused as failing, and catches up when resumed.</summary>
public sealed class WebhookFailingTests(QuickPauseWebhookServerFixture fixture) : IClassFixture<QuickPauseWebhookServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReceiverDownTooLong_PausesTheDestinationAsFailingAndResumingCatchesUpWithoutLoss()
    {
        const string workspace = "hooks-down";
        var server = fixture.Server;
        await CreateSegmentsAsync(server, workspace);
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await Client(server).CreateWebhookAsync(new CreateWebhookRequest
        {
            WorkspaceId = workspace,
            Webhook = new Webhook { WebhookId = "crm", Url = receiver.Url, SegmentIds = { "viewers" }, MaxDelay = Duration.FromTimeSpan(TimeSpan.Zero) },
        }, cancellationToken: Ct);
        receiver.Secret = created.Secret;
        receiver.Behavior = _ => ReceiverAnswer.Fail;

        await ActAsync(server, workspace, customers: 12, prefix: "d");
        var failing = await Eventually.ReturnsAsync(
            () => Client(server).GetWebhookAsync(new GetWebhookRequest { WorkspaceId = workspace, WebhookId = "crm" }, cancellationToken: Ct).ResponseAsync,
            w => w.Status == WebhookStatus.Failing);

        Assert.NotNull(failing.FailingSince);
        Assert.Contains("HTTP 500", failing.LastError, StringComparison.Ordinal);
        Assert.Empty(receiver.Accepted);

        // Back up, and resumed: every change since the destination was created arrives, in order.
        receiver.Behavior = _ => ReceiverAnswer.Accept;
        await ActAsync(server, workspace, customers: 4, prefix: "late");
        await Client(server).ResumeWebhookAsync(new ResumeWebhookRequest { WorkspaceId = workspace, WebhookId = "crm" }, cancellationToken: Ct);
        var feed = await FeedAsync(server, workspace, "viewers");
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.DistinctChanges().Count), n => n >= feed.Count);

        Assert.Equal(feed.Select(c => c.Cursor), receiver.DistinctChanges().Select(c => c.Cursor));
        var resumed = await Client(server).GetWebhookAsync(new GetWebhookRequest { WorkspaceId = workspace, WebhookId = "crm" }, cancellationToken: Ct);
        Assert.Equal((WebhookStatus.Active, (Timestamp?)null, string.Empty), (resumed.Status, resumed.FailingSince, resumed.LastError));
    }
}
