using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Cluster.Tests.Ingest;
using ActorSegments.Cluster.Tests.Verification;

namespace ActorSegments.Cluster.Tests;

/// <summary>A silo killed outright (SIGKILL) in a cluster of three, while a client keeps ingesting through all three addresses.</summary>
public sealed class SiloKillTests(ITestOutputHelper output)
{
    [Fact(Timeout = 240_000)]
    public async Task KillingOneOfThreeSilos_UnderIngest_NoAcknowledgedEventIsLostOrCountedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalCluster.StartAsync("kill", silos: 3, ct);
        await cluster.RunAsync(async () =>
        {
            var workload = new Workload("kill", customers: 300, eventsPerBatch: 15);
            await using var driver = await cluster.StartIngestAsync(workload, new IngestPace(Workers: 3, PauseBetweenBatches: TimeSpan.FromMilliseconds(50), MaxBatches: 2000), ct);

            await driver.WaitForAcknowledgedAsync(100);
            var killedAt = DateTimeOffset.UtcNow;
            var victim = cluster.Kill(slot: 2);
            // Every batch touches customers the victim hosted: these go through only once it is declared dead and
            // they are activated again elsewhere from the journal.
            await driver.WaitForAcknowledgedAsync(driver.Record.AcknowledgedCount + 100);
            await driver.StopAsync();
            output.WriteLine($"killed {victim}\n{driver.Record.Summary()}");

            await cluster.Verifier(workload, driver.Record, ct).AllAsync();
            // The kill was felt (the dead address stays in the rotation), and whatever the server itself answered
            // meanwhile told the client to retry.
            Assert.Contains(driver.Record.Attempts, a => !a.Succeeded && a.Started >= killedAt);
            Statuses.AssertServerSentOnlyRetryable(driver.Record);
        });
    }
}
