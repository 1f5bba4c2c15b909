using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Webhooks;
using Xunit;

namespace ActorSegments.Testing.Storage.Modeling;

/// <summary>What every <see cref="IWebhookStore"/> must do.</summary>
public abstract class WebhookStoreContract<TStorage>
    where TStorage : IModelingStorageFactory
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StoredWebhook Webhook(string id, WebhookStatus status = WebhookStatus.Active) => new(
        new WebhookDefinition(id, new Uri("https://hooks.example.com/in?x=1"), ["vip", "exp-spring-a"], WebhookKinds.Enter | WebhookKinds.Experiment, 50, TimeSpan.FromMilliseconds(1500), "CRM"),
        [1, 2, 3, 4],
        status,
        1,
        new FeedCursor(42, 7),
        new Dictionary<string, WebhookSegmentCursor>(StringComparer.Ordinal)
        {
            ["vip"] = new(new FeedCursor(50, 1)),
            ["exp-spring-a"] = new(new FeedCursor(44, 2), new FeedCursor(60, 9), 12),
        },
        At,
        At.AddMinutes(1));

    [Fact]
    public async Task Create_Then_Get_GivesEverythingBack_AndASecondCreateOfTheIdIsRefused()
    {
        await using var storage = await TStorage.StartAsync("webhooks_create");
        var webhook = Webhook("crm");

        Assert.True(await storage.Webhooks.CreateAsync("w", webhook, Cancel));
        Assert.False(await storage.Webhooks.CreateAsync("w", Webhook("crm") with { Version = 9 }, Cancel));
        var read = await storage.Webhooks.GetAsync("w", "crm", Cancel);

        Assert.NotNull(read);
        Assert.Equal(webhook.Definition with { SegmentIds = [] }, read.Definition with { SegmentIds = [] });
        Assert.Equal(webhook.Definition.SegmentIds, read.Definition.SegmentIds);
        Assert.Equal(webhook.Key, read.Key);
        Assert.Equal((webhook.Status, webhook.Version, webhook.Start), (read.Status, read.Version, read.Start));
        Assert.Equal(webhook.Cursors.OrderBy(c => c.Key, StringComparer.Ordinal), read.Cursors.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal((webhook.CreatedAt, webhook.UpdatedAt, (DateTimeOffset?)null, (string?)null), (read.CreatedAt, read.UpdatedAt, read.FailingSince, read.LastError));
        Assert.Null(await storage.Webhooks.GetAsync("w2", "crm", Cancel));
    }

    [Fact]
    public async Task Save_ReplacesTheRow_ListAndActiveFollowIt_DeleteRemovesItAndItsLog()
    {
        await using var storage = await TStorage.StartAsync("webhooks_save");
        await storage.Webhooks.CreateAsync("w", Webhook("b"), Cancel);
        await storage.Webhooks.CreateAsync("w", Webhook("a", WebhookStatus.Paused), Cancel);
        await storage.Webhooks.CreateAsync("w2", Webhook("c"), Cancel);
        var failing = Webhook("b") with { Status = WebhookStatus.Failing, FailingSince = At.AddHours(1), LastError = "HTTP 503", Cursors = new Dictionary<string, WebhookSegmentCursor>() };

        Assert.True(await storage.Webhooks.SaveAsync("w", failing, Cancel));
        Assert.False(await storage.Webhooks.SaveAsync("w", Webhook("nobody"), Cancel));
        var read = await storage.Webhooks.GetAsync("w", "b", Cancel);
        Assert.Equal((WebhookStatus.Failing, (DateTimeOffset?)At.AddHours(1), "HTTP 503", 0), (read!.Status, read.FailingSince, read.LastError, read.Cursors.Count));
        Assert.Equal(["a", "b"], (await storage.Webhooks.ListAsync("w", Cancel)).Select(w => w.Definition.Id));
        Assert.Contains(("w2", "c"), await storage.Webhooks.ListActiveAsync(Cancel));
        Assert.DoesNotContain(("w", "a"), await storage.Webhooks.ListActiveAsync(Cancel));
        Assert.DoesNotContain(("w", "b"), await storage.Webhooks.ListActiveAsync(Cancel));

        await storage.Webhooks.AppendDeliveryAsync("w", "b", Delivery(1), keep: 10, Cancel);
        Assert.True(await storage.Webhooks.DeleteAsync("w", "b", Cancel));
        Assert.False(await storage.Webhooks.DeleteAsync("w", "b", Cancel));
        Assert.Null(await storage.Webhooks.GetAsync("w", "b", Cancel));
        Assert.Empty(await storage.Webhooks.ListDeliveriesAsync("w", "b", 10, Cancel));
    }

    [Fact]
    public async Task Deliveries_NewestFirst_KeepingOnlyTheNewest()
    {
        await using var storage = await TStorage.StartAsync("webhooks_log");
        await storage.Webhooks.CreateAsync("w", Webhook("crm"), Cancel);
        for (var i = 1; i <= 7; i++)
        {
            await storage.Webhooks.AppendDeliveryAsync("w", "crm", Delivery(i), keep: 5, Cancel);
        }

        var log = await storage.Webhooks.ListDeliveriesAsync("w", "crm", 100, Cancel);

        Assert.Equal(["m7", "m6", "m5", "m4", "m3"], log.Select(d => d.MessageId));
        Assert.Equal(Delivery(7), log[0]);
        Assert.Equal(["m7", "m6"], (await storage.Webhooks.ListDeliveriesAsync("w", "crm", 2, Cancel)).Select(d => d.MessageId));
    }

    private static WebhookDelivery Delivery(int i) => i % 2 == 0
        ? new WebhookDelivery($"m{i}", null, 0, At.AddSeconds(i), 1, WebhookDeliveryOutcome.Refused, null, TimeSpan.FromMilliseconds(2.5), "refused: 10.0.0.1 is internal")
        : new WebhookDelivery($"m{i}", "vip", i, At.AddSeconds(i), i, WebhookDeliveryOutcome.Delivered, 204, TimeSpan.FromMilliseconds(12.25), null);
}
