using ActorSegments.Protos.V1;
using ActorSegments.Testing;

namespace ActorSegments.Server.Tests;

/// <summary>
/// The API's exactly-once promise with no window: every batch of a customer with more events than a batch holds,
/// resent after a server restart (snapshots written, then read back), is all duplicates, and nothing moves.
/// </summary>
public sealed class ExactlyOnceOverTheApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batches_OfMoreEventsThanABatchHolds_ResentAfterARestart_AreAllDuplicates()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("resend_all");
        var customer = Events.NewCustomerId();
        var start = DateTimeOffset.UtcNow.AddDays(-10);
        // 2,513 purchases: two full batches and one of 513, each event its own id.
        var batches = Enumerable.Range(0, 2_513)
            .Select(i => Events.Make(customer, "purchase", eventId: $"p-{i}", occurredAt: start.AddMinutes(i)))
            .Chunk(1_000)
            .Select(chunk => new TrackBatchRequest { Events = { chunk } })
            .ToList();
        (string Key, string Value)[] settings = [.. RunningServer.OnPostgres(db), ("ActorSegments:Customers:SnapshotOnDeactivationAfterEvents", "1")];

        await using (var first = await RunningServer.StartAsync(settings))
        {
            foreach (var batch in batches)
            {
                Assert.Equal(batch.Events.Count, (await first.Ingest.TrackBatchAsync(batch, cancellationToken: Ct)).Applied);
            }

            // In the same activation, the oldest batch is recognized too.
            Assert.Equal((0, 1_000), Outcome(await first.Ingest.TrackBatchAsync(batches[0], cancellationToken: Ct)));
        }

        await using var second = await RunningServer.StartAsync(settings);
        foreach (var batch in batches)
        {
            Assert.Equal((0, batch.Events.Count), Outcome(await second.Ingest.TrackBatchAsync(batch, cancellationToken: Ct)));
        }

        var profile = await second.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = customer }, cancellationToken: Ct);
        Assert.Equal(2_513, profile.TotalEvents);
        Assert.Equal(2_513, profile.Rfm.Frequency);
    }

    private static (int Applied, int Duplicates) Outcome(TrackBatchResponse response) => (response.Applied, response.Duplicates);
}
