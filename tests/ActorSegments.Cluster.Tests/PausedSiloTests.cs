using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Cluster.Tests.Ingest;
using ActorSegments.Cluster.Tests.Verification;

namespace ActorSegments.Cluster.Tests;

/// <summary>
/// A silo of three frozen (SIGSTOP) in the middle of a database transaction, under ingest, as a long pause or a
/// partition freezes it: unlike a killed one, its connections stay open, to the other silos and to PostgreSQL, with its
/// transaction half done and its locks held. The others must declare it dead and carry on; when it runs again
/// (SIGCONT) it finds itself dead, and nothing its stale customers still try to commit may count (fencing).
/// </summary>
public sealed class PausedSiloTests(ITestOutputHelper output)
{
    /// <summary>Long enough for the others to declare the frozen silo dead (missed probes) and move its customers.</summary>
    private static readonly TimeSpan ProgressWithin = TimeSpan.FromSeconds(90);

    /// <summary>How long to keep looking for a silo with a journal transaction open.</summary>
    private static readonly TimeSpan CatchWithin = TimeSpan.FromSeconds(90);

    [Fact(Timeout = 300_000)]
    public async Task PausingASiloMidTransaction_UnderIngest_TheOthersCarryOn_AndNoAcknowledgedEventIsLostOrCountedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalCluster.StartAsync("pause", silos: 3, ct);
        await cluster.RunAsync(async () =>
        {
            var workload = new Workload("pause", customers: 300, eventsPerBatch: 15);
            await using var driver = await cluster.StartIngestAsync(workload, new IngestPace(Workers: 3, PauseBetweenBatches: TimeSpan.FromMilliseconds(50), MaxBatches: 3000), ct);
            await driver.WaitForAcknowledgedAsync(100);

            await using var sessions = new DatabaseSessions(cluster.Postgres.ConnectionString);
            var (slot, heldTransactions) = await PauseMidTransactionAsync(sessions, [cluster[0], cluster[1], cluster[2]], ct);
            var paused = cluster[slot];
            output.WriteLine($"Sessions writing or waiting for a lock when {paused} was frozen:\n{await sessions.LockPictureAsync(ct)}");
            // A load balancer stops sending to a backend that fails its health check; a frozen gateway would only
            // make every third call wait out its deadline.
            cluster.Gateways.Set(slot, null);
            var before = driver.Record.AcknowledgedCount;
            var carriedOn = await driver.WaitForAcknowledgedAsync(before + 100, ProgressWithin);
            var whilePaused = driver.Record.AcknowledgedCount - before;
            output.WriteLine($"... and after waiting for progress:\n{await sessions.LockPictureAsync(ct)}");

            await paused.Process.ResumeAsync(ct);
            var exited = await paused.Process.WaitForExitAsync(TimeSpan.FromSeconds(60), ct);
            output.WriteLine($"{paused} frozen holding transactions {string.Join(", ", heldTransactions)}; {whilePaused} batches acknowledged while it was frozen; " +
                $"resumed: {(exited ? $"exited with {paused.Process.ExitCode}" : "still running")}");
            await driver.WaitForAcknowledgedAsync(driver.Record.AcknowledgedCount + 50);
            await driver.StopAsync();
            output.WriteLine(driver.Record.Summary());

            await cluster.Verifier(workload, driver.Record, ct).AllAsync();
            Statuses.AssertServerSentOnlyRetryable(driver.Record);
            Assert.True(carriedOn, $"ingest stalled while {paused} was frozen mid-transaction: {whilePaused} batches acknowledged in {ProgressWithin.TotalSeconds:0} s");
        });
    }

    /// <summary>
    /// Freezes a silo at a moment its journal writer has a transaction open (rows of customer_journal written, not
    /// committed), which stays open while it is frozen; a transaction that ended between the look and the signal does
    /// not count, and the silo runs on until the next try. Transactions last milliseconds, so the silos are watched in
    /// turn until one is caught (on a busy machine that can take many looks). Returns its slot and the transactions held.
    /// </summary>
    private static async Task<(int Slot, IReadOnlyList<string> Held)> PauseMidTransactionAsync(DatabaseSessions sessions, IReadOnlyList<Silo> silos, CancellationToken ct)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(CatchWithin);
        for (var look = 0; !patience.IsCancellationRequested; look++)
        {
            var slot = look % silos.Count;
            var silo = silos[slot];
            var open = await sessions.JournalTransactionsAsync(silo, ct);
            if (open.Count == 0)
            {
                continue;
            }

            await silo.Process.PauseAsync(ct);
            // A transaction whose COMMIT was already on its way when the signal came ends within moments; one still
            // there after a pause is held by the frozen silo.
            await Task.Delay(500, ct);
            var held = open.Intersect(await sessions.JournalTransactionsAsync(silo, ct)).ToList();
            if (held.Count > 0)
            {
                return (slot, held);
            }

            await silo.Process.ResumeAsync(ct);
        }

        throw new InvalidOperationException($"no silo had a journal transaction open when frozen within {CatchWithin.TotalSeconds:0} s");
    }
}
