using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Cluster.Tests.Ingest;
using ActorSegments.Cluster.Tests.Verification;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using ActorSegments.Testing.Webhooks;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Cluster.Tests;

/// <summary>
/// A webhook destination for every segment, delivering to a real receiver on 127.0.0.1 while events keep flowing,
/// through failures: the silo running the destination's worker killed outright, the receiver down for a while. The
/// receiver must end up with every change of the feed, in feed order per segment, signed, none lost.
/// </summary>
public sealed class WebhookFailoverTests(ITestOutputHelper output)
{
    /// <summary>Bounds a broken run; a passing one delivers the backlog in seconds.</summary>
    private static readonly TimeSpan DeliveredWithin = TimeSpan.FromMinutes(3);

    /// <summary>What the silos need to reach a receiver on 127.0.0.1 over http, and quick polls, retries and keeper rounds.</summary>
    private static readonly string[] WebhookSettings =
    [
        "--ActorSegments:Webhooks:AllowHttp=true",
        "--ActorSegments:Webhooks:AllowedNetworks:0=127.0.0.0/8",
        "--ActorSegments:Webhooks:PollInterval=00:00:00.1",
        "--ActorSegments:Webhooks:RequestTimeout=00:00:02",
        "--ActorSegments:Webhooks:RetryFirst=00:00:00.1",
        "--ActorSegments:Webhooks:RetryLongest=00:00:01",
        "--ActorSegments:Webhooks:KeeperInterval=00:00:01",
    ];

    private static readonly IngestPace Pace = new(Workers: 3, PauseBetweenBatches: TimeSpan.FromMilliseconds(50), MaxBatches: 2000);

    [Fact(Timeout = 300_000)]
    public async Task KillingTheSiloRunningAWebhookWorker_UnderIngest_TheReceiverGetsEveryChangeInFeedOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalCluster.StartAsync("hookkill", silos: 3, ct, WebhookSettings);
        await using var receiver = await WebhookReceiver.StartAsync();
        await cluster.RunAsync(async () =>
        {
            var workload = new Workload("hookkill", customers: 300, eventsPerBatch: 15);
            await DefineAsync(cluster, workload, receiver, ct);
            await using var driver = IngestDriver.Start(workload, cluster.Gateways, Pace, ct);
            await driver.WaitForAcknowledgedAsync(100);

            var slot = await SenderSlotAsync(cluster, receiver, since: DateTimeOffset.MinValue, silos: 3);
            var killedAt = DateTimeOffset.UtcNow;
            var victim = cluster.Kill(slot);
            // Changes keep coming while the worker is lost, and after it runs again on another silo.
            await driver.WaitForAcknowledgedAsync(driver.Record.AcknowledgedCount + 100);
            var successor = await SenderSlotAsync(cluster, receiver, since: killedAt, silos: 3);
            await driver.StopAsync();
            output.WriteLine($"killed {victim}, which ran the worker; it runs on {cluster[successor]} now\n{driver.Record.Summary()}");

            Assert.NotEqual(slot, successor);
            // Read through a silo that is still running.
            await new WebhookFeedCheck(cluster.Gateways.For(cluster[successor].GrpcAddress), workload, receiver, ct).AllDeliveredAsync(DeliveredWithin);
            output.WriteLine($"{receiver.Accepted.Count} messages accepted, {receiver.Accepted.Count - receiver.Accepted.DistinctBy(m => m.Id).Count()} of them again");
        });
    }

    [Fact(Timeout = 300_000)]
    public async Task AReceiverDownForAWhile_UnderIngest_CatchesUpOnEveryChangeInFeedOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalCluster.StartAsync("hookdown", silos: 2, ct, WebhookSettings);
        await using var receiver = await WebhookReceiver.StartAsync();
        await cluster.RunAsync(async () =>
        {
            var workload = new Workload("hookdown", customers: 300, eventsPerBatch: 15);
            var client = await DefineAsync(cluster, workload, receiver, ct);
            await using var driver = IngestDriver.Start(workload, cluster.Gateways, Pace, ct);
            await driver.WaitForAcknowledgedAsync(50);
            await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Accepted.Count), n => n > 0, TimeSpan.FromSeconds(60));

            receiver.Behavior = _ => ReceiverAnswer.Unavailable;
            var requestsWhenDown = receiver.Requests;
            await driver.WaitForAcknowledgedAsync(driver.Record.AcknowledgedCount + 100);
            // Down long enough to be asked again and again (backing off), not just once.
            await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Requests), n => n >= requestsWhenDown + 5, TimeSpan.FromSeconds(60));
            var acceptedWhileDown = receiver.Accepted.Count;
            receiver.Behavior = _ => ReceiverAnswer.Accept;
            await driver.WaitForAcknowledgedAsync(driver.Record.AcknowledgedCount + 50);
            await driver.StopAsync();
            output.WriteLine($"{receiver.Requests - requestsWhenDown} requests since the receiver went down\n{driver.Record.Summary()}");

            await new WebhookFeedCheck(client, workload, receiver, ct).AllDeliveredAsync(DeliveredWithin);
            Assert.True(receiver.Accepted.Count > acceptedWhileDown, "deliveries resumed once the receiver was back");
            var log = await Retrying.CallAsync(o => client.Webhooks.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { WorkspaceId = workload.WorkspaceId, WebhookId = "all", Limit = 1000 }, o), ct);
            Assert.Contains(log.Deliveries, d => d.Outcome == "failed" && d.StatusCode == 503);
        });
    }

    /// <summary>
    /// The workspace, its segments and experiment, then a destination for every segment and kind, all before the first
    /// event: the destination starts at the feed's head, so it owes the receiver the whole feed.
    /// </summary>
    private static async Task<ApiClients> DefineAsync(LocalCluster cluster, Workload workload, WebhookReceiver receiver, CancellationToken ct)
    {
        var client = cluster.Gateways.For(cluster[0].GrpcAddress);
        await Definitions.CreateAsync(client, workload, ct);
        var created = await Retrying.CallAsync(
            o => client.Webhooks.CreateWebhookAsync(new CreateWebhookRequest
            {
                WorkspaceId = workload.WorkspaceId,
                Webhook = new Webhook { WebhookId = "all", Url = receiver.Url, BatchSize = 20, MaxDelay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(200)) },
            }, o),
            ct);
        receiver.Secret = created.Secret;
        return client;
    }

    /// <summary>
    /// The slot of the silo whose process sent a message the receiver accepted after <paramref name="since"/>: the
    /// silo running the destination's worker. Its connection stays open between messages (pooled), so the newest
    /// message's sender port leads to its process.
    /// </summary>
    private static async Task<int> SenderSlotAsync(LocalCluster cluster, WebhookReceiver receiver, DateTimeOffset since, int silos)
    {
        var slots = Enumerable.Range(0, silos).Where(s => !cluster[s].Process.HasExited).ToDictionary(s => cluster[s].Process.Id);
        var owner = await Eventually.ReturnsAsync(
            () => Task.FromResult(receiver.Accepted.LastOrDefault(m => m.ReceivedAt > since) is { } newest ? SocketOwners.Find(newest.SenderPort, receiver.Port, slots.Keys) : null),
            pid => pid is not null,
            TimeSpan.FromSeconds(120));
        Assert.True(owner is not null, $"no silo's process holds the connection of a message received after {since:O}");
        return slots[owner.Value];
    }
}
