using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Cluster.Tests.Ingest;
using ActorSegments.Cluster.Tests.Verification;
using ActorSegments.Testing;
using Grpc.Core;

namespace ActorSegments.Cluster.Tests;

/// <summary>The database stopped (fast shutdown) and started again with the same data, under continuous ingest into two silos.</summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    /// <summary>Calls made after the database went down that must have come back before it is started again.</summary>
    private const int OutageCalls = 30;

    [Fact(Timeout = 240_000)]
    public async Task RestartingPostgres_UnderIngest_EveryFailedCallIsUnavailableOrABackOff_NothingIsAcknowledgedDuringTheOutage_AndNoAcknowledgedEventIsLostOrCountedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await RunAsync(async (cluster, workload, record, outage) =>
        {
            await cluster.Verifier(workload, record, ct).AllAsync();

            // Calls made entirely while the database was down cannot have stored anything, so none may be acknowledged,
            // and the API's answer for storage trouble is UNAVAILABLE.
            var duringOutage = record.Attempts.Where(outage.Contains).ToList();
            Assert.True(duringOutage.Count >= OutageCalls, $"only {duringOutage.Count} calls were made while the database was down");
            Assert.DoesNotContain(duringOutage, a => a.Succeeded);
            Assert.Contains(duringOutage, a => a.Status == StatusCode.Unavailable);

            // UNAVAILABLE is the answer the API promises for storage trouble; RESOURCE_EXHAUSTED (commits queued past the
            // limit) and the client's own deadline (a server slow to notice the database is gone) acknowledge nothing
            // either. The silos stay up throughout, so no connection breaks: nothing else may occur.
            Assert.All(record.Attempts, a => Assert.True(
                a.Status is StatusCode.OK or StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded,
                $"unexpected outcome {a}"));
            Statuses.AssertServerSentOnlyRetryable(record);
        }, ct);
    }

    /// <summary>Ingest; the database halted until <see cref="OutageCalls"/> calls made after it went down have come back; resumed; ingest goes on, then stops.</summary>
    private async Task RunAsync(Func<LocalCluster, Workload, AcknowledgementRecord, Outage, Task> verify, CancellationToken ct)
    {
        await using var cluster = await LocalCluster.StartAsync("pgrestart", silos: 2, ct);
        await cluster.RunAsync(async () =>
        {
            var workload = new Workload("pgrestart", customers: 300, eventsPerBatch: 15);
            await using var driver = await cluster.StartIngestAsync(workload, new IngestPace(Workers: 3, PauseBetweenBatches: TimeSpan.FromMilliseconds(50), MaxBatches: 2000), ct);

            await driver.WaitForAcknowledgedAsync(80);
            await cluster.Postgres.HaltAsync(ct);
            var down = DateTimeOffset.UtcNow;
            // Progress, not a duration, sets the length of the outage.
            await Eventually.ReturnsAsync(
                () => Task.FromResult(driver.Record.Attempts.Count(a => a.Started >= down)), count => count >= OutageCalls, TimeSpan.FromSeconds(90));
            var resuming = DateTimeOffset.UtcNow;
            await cluster.Postgres.ResumeAsync(ct);
            await driver.WaitForAcknowledgedAsync(driver.Record.AcknowledgedCount + 80);
            await driver.StopAsync();
            output.WriteLine(driver.Record.Summary());

            await verify(cluster, workload, driver.Record, new Outage(down, resuming));
        });
    }

    /// <summary>From the moment the database had stopped to the moment it was being started again.</summary>
    private sealed record Outage(DateTimeOffset Down, DateTimeOffset Resuming)
    {
        /// <summary>Whether the attempt was made and answered entirely within the outage.</summary>
        public bool Contains(BatchAttempt attempt) => attempt.Started >= Down && attempt.Ended <= Resuming;
    }
}
