using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorSegments.Server;
using Microsoft.Extensions.Hosting;

namespace ActorSegments.Cli.Demo;

/// <summary>
/// A dev-mode server (everything in memory) in this process on free loopback ports: the demo needs no server running
/// and leaves nothing behind. The CLI still talks to it over gRPC like to any other server.
/// </summary>
/// <remarks>
/// The CLI's whole seam to the server project: the CLI references ActorSegments.Server only for this class, which
/// uses nothing of it but <see cref="ServerApplication.Build"/> and its clock setting. No other CLI file names a
/// server type, nor grains, storage or ML behind it (tests/ActorSegments.Architecture.Tests, CliServerSeam).
/// </remarks>
internal sealed class EmbeddedServer : IAsyncDisposable
{
    private readonly IHost _app;

    private EmbeddedServer(IHost app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The gRPC address, e.g. http://127.0.0.1:49152.</summary>
    public string Address { get; }

    /// <param name="clockStart">Where the server's clock starts (the end of a replayed dataset), or null for real time.</param>
    /// <param name="settings">More configuration keys and values, e.g. an auth bootstrap key.</param>
    /// <param name="cancellationToken">Stops waiting for the start.</param>
    public static async Task<EmbeddedServer> StartAsync(DateTimeOffset? clockStart, IEnumerable<KeyValuePair<string, string>>? settings, CancellationToken cancellationToken)
    {
        var grpcPort = FreePort();
        var args = new List<string>
        {
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{FreePort()}",
            $"--ActorSegments:Cluster:SiloPort={FreePort()}",
            "--ActorSegments:Cluster:GatewayPort=0",

            // In memory even when the shell has a connection string set for `migrate`: the demo must not write to a database.
            "--ActorSegments:Postgres:ConnectionString=",

            // The demo prints what matters and failed calls surface as gRPC errors; the server's log would interleave
            // with the progress bars (and at shutdown dev mode logs snapshot writes that can no longer land).
            "--Logging:LogLevel:Default=Critical",
            "--Logging:LogLevel:Microsoft.AspNetCore=Critical",
            "--Logging:LogLevel:Orleans=Critical",
            "--Logging:LogLevel:Orleans.Runtime.Silo=Critical",
        };
        if (clockStart is { } start)
        {
            args.Add($"--{ServerApplication.ClockStartAtSetting}={start.ToString("O", CultureInfo.InvariantCulture)}");
        }

        args.AddRange((settings ?? []).Select(s => $"--{s.Key}={s.Value}"));
        var app = ServerApplication.Build([.. args]);
        await app.StartAsync(cancellationToken);
        return new EmbeddedServer(app, $"http://127.0.0.1:{grpcPort}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        if (_app is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _app.Dispose();
        }
    }

    /// <summary>A port nothing listens on now (the OS picks; a race with another process is possible but harmless here).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
