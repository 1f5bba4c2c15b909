using ActorSegments.Abstractions.Webhooks;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Webhooks;
using ActorSegments.Testing;
using ActorSegments.Testing.Webhooks;

namespace ActorSegments.Grains.Tests.Webhooks;

public sealed class WebhookGrainTests(WebhookClusterFixture fixture) : IClassFixture<WebhookClusterFixture>
{
    [Fact]
    public async Task Worker_WithMoreMessagesThanAPassSends_SendsTheRestWithoutWaitingForThePollInterval()
    {
        const string workspace = "hooks-backlog";
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = WebhookSecret.Generate();
        receiver.Secret = secret.Text;
        var now = fixture.Clock.GetUtcNow();
        fixture.Feed.Add("backlog", count: 4, loggedAt: now - TimeSpan.FromSeconds(1));
        var definition = new WebhookDefinition("backlog", new Uri(receiver.Url), ["backlog"], WebhookKinds.All, BatchSize: 1, MaxDelay: TimeSpan.Zero);
        Assert.True(await fixture.Store.CreateAsync(workspace, new StoredWebhook(definition, secret.Key.ToArray(), WebhookStatus.Active, 1, FeedCursor.Start, new Dictionary<string, WebhookSegmentCursor>(StringComparer.Ordinal), now, now), TestContext.Current.CancellationToken));

        // Activation starts the first pass; one message per pass (MessagesPerPass = 1), and the clock never reaches
        // the next poll: the other three go out only if a pass that stopped at the limit is followed at once.
        await fixture.Grains.GetGrain<IWebhookGrain>(WebhookGrainKey.Format(workspace, "backlog")).WakeAsync();
        var received = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.DistinctChanges().Count), n => n >= 4, TimeSpan.FromSeconds(30));

        Assert.Equal(4, received);
        Assert.Equal(0, receiver.InvalidSignatures);
    }
}
