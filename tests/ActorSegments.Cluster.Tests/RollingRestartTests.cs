using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Cluster.Tests.Ingest;
using ActorSegments.Cluster.Tests.Verification;

namespace ActorSegments.Cluster.Tests;

/// <summary>Every silo of three stopped gracefully (SIGTERM) and replaced by a new process, one after another, under continuous ingest.</summary>
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    /// <summary>A graceful stop drains calls in flight (30 s at most by default), then stops the silo; this bounds a hang.</summary>
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(90);

    [Fact(Timeout = 300_000)]
    public async Task RestartingEverySiloInTurn_UnderIngest_EachExitsCleanly_AndNoAcknowledgedEventIsLostOrCountedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalCluster.StartAsync("rolling", silos: 3, ct);
        await cluster.RunAsync(async () =>
        {
            var workload = new Workload("rolling", customers: 300, eventsPerBatch: 15);
            await using var driver = await cluster.StartIngestAsync(workload, new IngestPace(Workers: 2, PauseBetweenBatches: TimeSpan.FromMilliseconds(200), MaxBatches: 3000), ct);

            await driver.WaitForAcknowledgedAsync(40);
            var exits = new List<string>();
            for (var slot = 0; slot < 3; slot++)
            {
                var stopping = cluster[slot];
                var exitCode = await cluster.StopAsync(slot, StopWithin, ct);
                exits.Add($"{stopping}: {(exitCode is { } code ? $"exit code {code}" : $"still running after {StopWithin.TotalSeconds:0} s (killed)")}");
                var replacement = await cluster.StartSiloAsync(slot, ct);
                output.WriteLine($"{exits[^1]}; replaced by {replacement}");
                await driver.WaitForAcknowledgedAsync(driver.Record.AcknowledgedCount + 30);
            }

            await driver.StopAsync();
            output.WriteLine(driver.Record.Summary());

            Statuses.AssertServerSentOnlyRetryable(driver.Record);
            await cluster.Verifier(workload, driver.Record, ct).AllAsync();
            Assert.All(exits, exit => Assert.EndsWith("exit code 0", exit, StringComparison.Ordinal));
        });
    }
}
