using ActorSegments.Server;
using ActorSegments.Testing;

namespace ActorSegments.Load.Tests;

/// <summary>
/// The harness's quick mode against a real server in this process, in dev mode and on PostgreSQL: it must finish and
/// report consistent numbers. Speed is never asserted; a slow machine passes.
/// </summary>
public sealed class QuickRunTests
{
    private const string BootstrapKey = "load-test-bootstrap-key-0123456789abcdef0123";

    [Fact]
    public async Task QuickRun_AgainstDevServer_ReportsSaneNumbers()
    {
        var results = await RunQuickAsync(postgres: null);

        Assert.Null(results.RawCopy);
        QuickRunChecks.AssertSane(results);
    }

    [Fact]
    public async Task QuickRun_OnPostgres_AlsoMeasuresTheRawCopyAndDropsItsTable()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("load_quick");

        var results = await RunQuickAsync(database.ConnectionString);

        var rawCopy = Assert.IsType<RawCopyResult>(results.RawCopy);
        Assert.Equal(QuickRun.Options(new Uri("http://127.0.0.1"), null).Events, rawCopy.Rows);
        Assert.All(rawCopy.RowsPerSecond, rate => Assert.True(rate > 0));
        Assert.Equal(rawCopy.Median, results.Baselines.RawCopyRowsPerSecond);
        Assert.Contains("x raw", LoadReport.Markdown(results), StringComparison.Ordinal);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'load_raw_copy_%'"));
        QuickRunChecks.AssertSane(results);
    }

    /// <summary>Starts a server (on <paramref name="postgres"/> when given, else in dev mode) and runs the quick mode against it.</summary>
    private static async Task<LoadResults> RunQuickAsync(string? postgres)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var grpcPort = FreeTcpPort.Next();
        List<string> args =
        [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{FreeTcpPort.Next()}",
            $"--ActorSegments:Cluster:SiloPort={FreeTcpPort.Next()}",
            $"--ActorSegments:Auth:BootstrapKey={BootstrapKey}",
            "--Logging:LogLevel:Default=Warning",
        ];
        if (postgres is not null)
        {
            args.Add($"--ActorSegments:Postgres:ConnectionString={postgres}");
        }

        await using var app = ServerApplication.Build([.. args]);
        await app.StartAsync(cancellationToken);
        var results = await QuickRun.RunAsync(new Uri($"http://127.0.0.1:{grpcPort}"), BootstrapKey, postgres, TextWriter.Null, cancellationToken);
        await app.StopAsync(cancellationToken);
        return results;
    }
}
