using ActorSegments.Server;
using ActorSegments.Testing;

namespace ActorSegments.Load.Tests;

/// <summary>
/// The harness's quick mode against a real dev-mode server: it must finish and report consistent numbers. Speed is
/// never asserted; a slow machine passes.
/// </summary>
public sealed class QuickRunTests
{
    private const string BootstrapKey = "load-test-bootstrap-key-0123456789abcdef0123";

    [Fact]
    public async Task QuickRun_AgainstDevServer_ReportsSaneNumbers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var grpcPort = FreeTcpPort.Next();
        await using var app = ServerApplication.Build(
        [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{FreeTcpPort.Next()}",
            $"--ActorSegments:Cluster:SiloPort={FreeTcpPort.Next()}",
            $"--ActorSegments:Auth:BootstrapKey={BootstrapKey}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync(cancellationToken);

        var results = await QuickRun.RunAsync(new Uri($"http://127.0.0.1:{grpcPort}"), BootstrapKey, TextWriter.Null, cancellationToken);
        await app.StopAsync(cancellationToken);

        Assert.NotEmpty(results);
        Assert.All(results.SelectMany(s => s.Runs.Select(r => (s, r))), pair =>
        {
            var (scenario, run) = pair;
            Assert.True(run.Sent > 0, scenario.Name);
            Assert.True(run.EventsPerSecond > 0, scenario.Name);
            // Every event sent is acknowledged: applied, or in the duplicates scenario recognized as already applied.
            Assert.Equal(scenario.Options.Duplicates ? (0, run.Sent) : (run.Sent, 0), (run.Applied, run.Duplicates));
        });
        var open = Assert.Single(results, s => s.OpenLoop);
        var run = Assert.Single(open.Runs);
        AssertOrdered(run.AckMs);
        Assert.Equal(run.ProbesSent, run.EnterMs.Count);
        AssertOrdered(run.EnterMs);
        Assert.Contains("| batch |", LoadReport.Markdown(results), StringComparison.Ordinal);
    }

    private static void AssertOrdered(IReadOnlyList<double> samples)
    {
        Assert.NotEmpty(samples);
        var (p50, p99, p999) = (Stats.Percentile(samples, 0.5), Stats.Percentile(samples, 0.99), Stats.Percentile(samples, 0.999));
        Assert.True(p50 > 0 && p50 <= p99 && p99 <= p999, $"p50 {p50}, p99 {p99}, p999 {p999}");
    }
}
