using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Cluster.Tests.Identity;
using ActorSegments.Cluster.Tests.Verification;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Grpc.Core;

namespace ActorSegments.Cluster.Tests;

/// <summary>
/// Identity links (Alias) while one of two silos is killed outright (SIGKILL), with events racing each link to both of
/// its ids: every link is applied exactly once and every event counted once, whatever attempt the kill interrupted.
/// </summary>
public sealed class AliasSiloKillTests(ITestOutputHelper output)
{
    private const int Pairs = 150;

    [Fact(Timeout = 300_000)]
    public async Task KillingOneOfTwoSilos_WhileLinking_EveryLinkAppliesOnce_AndEveryEventCountsOnceInTheSurvivor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalCluster.StartAsync("alias-kill", silos: 2, ct);
        await cluster.RunAsync(async () =>
        {
            var pairs = new AliasPairs("alias-kill", Pairs);
            await DefineAsync(cluster.Gateways.For(cluster[0].GrpcAddress), pairs, ct);
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var calls = new RotatingCalls(cluster.Gateways, abort.Token);
            await SendHistoriesAsync(calls, pairs);

            await using var driver = LinkDriver.Start(pairs, calls, workers: 4, pause: TimeSpan.FromMilliseconds(20), abort);
            await driver.WaitForLinkedAsync(30);
            var (killedAt, linkedBefore) = (DateTimeOffset.UtcNow, driver.Linked.Count);
            var victim = cluster.Kill(slot: 1);
            // The survivor's gateway carries on; links whose ids lived on the victim go through once it is declared
            // dead and they are activated again from the journal.
            await driver.CompletionAsync();
            output.WriteLine($"killed {victim} after {linkedBefore} of {Pairs} links; "
                + $"{calls.Attempts.Count(a => !a.Succeeded)} failed attempts of {calls.Attempts.Count}; "
                + $"{driver.Linked.Values.Count(l => l.Link.Answer.Outcome == EventOutcome.Duplicate)} links answered DUPLICATE on a retry");

            await new AliasVerifier(cluster.Gateways.For(cluster[0].GrpcAddress), pairs, cluster.Postgres.ConnectionString, ct).AllAsync(driver.Linked);
            // The kill was felt, and whatever the server itself answered meanwhile told the client to retry.
            Assert.Contains(calls.Attempts, a => !a.Succeeded && a.Started >= killedAt);
            var wrong = calls.Attempts.Where(a => a.Origin == Ingest.FailureOrigin.Server && a.Status is not (StatusCode.Unavailable or StatusCode.ResourceExhausted)).ToList();
            Assert.True(wrong.Count == 0, $"the server answered {wrong.Count} attempts with a status that is not retryable:\n{string.Join('\n', wrong.Take(20))}");
        });
    }

    /// <summary>The workspace and both segments, live before any event is sent.</summary>
    private static async Task DefineAsync(ApiClients client, AliasPairs pairs, CancellationToken ct)
    {
        await Retrying.CallAsync(o => client.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = pairs.WorkspaceId, DisplayName = "Alias kill" }, o), ct);
        foreach (var (id, rule) in pairs.Segments)
        {
            await Retrying.CallAsync(o => client.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = pairs.WorkspaceId, SegmentId = id, Rule = rule }, o), ct);
        }

        var segments = await Eventually.ReturnsAsync(
            () => Task.WhenAll(pairs.Segments.Select(s => Retrying.CallAsync(o => client.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = pairs.WorkspaceId, SegmentId = s.Id }, o), ct))),
            read => read.All(s => s.Status == SegmentStatus.Live),
            TimeSpan.FromSeconds(60));
        Assert.All(segments, s => Assert.Equal(SegmentStatus.Live, s.Status));
    }

    /// <summary>Both ids' histories, every pair, acknowledged before the first link: each event applied once.</summary>
    private static async Task SendHistoriesAsync(RotatingCalls calls, AliasPairs pairs)
    {
        foreach (var chunk in pairs.Numbers.Chunk(50))
        {
            var batch = new TrackBatchRequest { Events = { chunk.SelectMany(pairs.BeforeLinks) } };
            var answered = await calls.UntilAnsweredAsync($"histories from pair {chunk[0]}", (c, o) => c.Ingest.TrackBatchAsync(batch, o));
            Assert.Equal(batch.Events.Count, answered.Answer.Applied + answered.Answer.Duplicates);
            Assert.True(answered.FailedAttempts > 0 || answered.Answer.Duplicates == 0);
        }
    }
}
