using ActorSegments.Server;
using ActorSegments.Testing;
using Grpc.Core;

namespace ActorSegments.Load.Tests;

/// <summary>
/// The harness's overload mode against a dev-mode server in this process whose admission bounds are low: every call
/// is accounted for by the status it ended with, and the events counted as stored are exactly the OK calls' events.
/// </summary>
public sealed class OverloadRunTests
{
    private const string BootstrapKey = "load-test-bootstrap-key-0123456789abcdef0123";

    [Fact]
    public async Task Overload_AgainstLowBounds_AccountsForEveryCallByItsStatus()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var grpcPort = FreeTcpPort.Next();
        await using var app = ServerApplication.Build([
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{FreeTcpPort.Next()}",
            $"--ActorSegments:Cluster:SiloPort={FreeTcpPort.Next()}",
            $"--ActorSegments:Auth:BootstrapKey={BootstrapKey}",
            "--ActorSegments:Admission:MaxRequestsInFlight=4",
            "--ActorSegments:Admission:MaxEventsInFlight=100",
            "--ActorSegments:Ingest:MaxBatchSize=100",
            "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync(cancellationToken);
        var options = new LoadOptions
        {
            Address = new Uri($"http://127.0.0.1:{grpcPort}"),
            ApiKey = BootstrapKey,
            Customers = 100,
            Segments = false,
            BatchSize = 50,
            Runs = 1,
            Duration = TimeSpan.FromSeconds(1),
            Capacity = 5_000,
            OverloadMultiples = [2],
            Connections = 2,
            Burst = 150,
        };

        var result = await OverloadRunner.RunAsync("low bounds", options, TextWriter.Null, cancellationToken);
        await app.StopAsync(cancellationToken);

        Assert.Equal(["2x capacity", "burst of 150 calls at once"], result.Levels.Select(l => l.Label));
        var burst = Assert.Single(result.Levels[1].Runs);
        Assert.Equal(150, burst.Calls);
        Assert.True(burst.Count(StatusCode.ResourceExhausted) > 0, "150 calls at once against a bound of 4 requests shed none");
        Assert.All(result.Levels.SelectMany(l => l.Runs), run =>
        {
            Assert.Equal(run.Calls, run.Statuses.Values.Sum());
            Assert.Equal(run.Count(StatusCode.OK) * 50L, run.EventsStored);
            Assert.Equal(run.Count(StatusCode.OK), run.OkMs.Count);
            Assert.Equal(run.Count(StatusCode.ResourceExhausted), run.RefusedMs.Count);
            Assert.Equal(0, run.Count(StatusCode.DeadlineExceeded));
        });
        Assert.Contains("| burst of 150 calls at once | at once (in ", OverloadReport.Markdown([result]), StringComparison.Ordinal);
    }
}
