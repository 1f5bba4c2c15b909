using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using ActorSegments.Testing.Processes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace ActorSegments.Console.Tests;

/// <summary>
/// The built server as a process on free loopback ports, in dev mode (in memory) with a bootstrap key, and gRPC
/// clients to it that send a given key.
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    public const string BootstrapKey = "console-test-bootstrap-key-0123456789abcdef";

    private readonly ServerProcess _process;
    private readonly GrpcChannel _channel;

    private ConsoleServer(ServerProcess process, int grpcPort, int httpPort)
    {
        _process = process;
        HttpBase = new Uri($"http://127.0.0.1:{httpPort}/");
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    }

    /// <summary>The HTTP endpoint's root; the console is at <c>console/</c> under it.</summary>
    public Uri HttpBase { get; }

    public Uri ConsoleUrl(string path = "") => new(HttpBase, "console/" + path);

    public static async Task<ConsoleServer> StartAsync(IEnumerable<string>? settings = null)
    {
        var (grpcPort, httpPort, siloPort) = (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
        var log = Path.Combine(Path.GetTempPath(), $"actorsegments-console-test-{httpPort}.log");
        var process = ServerProcess.Start("console-test", log,
        [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{httpPort}",
            $"--ActorSegments:Cluster:SiloPort={siloPort}",
            "--Logging:LogLevel:Default=Warning",
            .. settings ?? [],
        ], new Dictionary<string, string> { ["ActorSegments__Auth__BootstrapKey"] = BootstrapKey });
        var server = new ConsoleServer(process, grpcPort, httpPort);
        if (!await process.WaitUntilHealthyAsync(new Uri(server.HttpBase, "healthz"), TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken))
        {
            var tail = process.LogTail(40);
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server did not become healthy; its log ends:\n{tail}");
        }

        return server;
    }

    public CallInvoker As(string key) => _channel.Intercept(headers =>
    {
        headers.Add("authorization", $"Bearer {key}");
        return headers;
    });

    public AdminService.AdminServiceClient Admin => new(As(BootstrapKey));

    public SegmentService.SegmentServiceClient Segments => new(As(BootstrapKey));

    public IngestService.IngestServiceClient Ingest => new(As(BootstrapKey));

    public CohortService.CohortServiceClient Cohorts => new(As(BootstrapKey));

    public ExperimentService.ExperimentServiceClient Experiments => new(As(BootstrapKey));

    public ModelService.ModelServiceClient Models => new(As(BootstrapKey));

    /// <summary>A new workspace with an admin key and a read key of its own.</summary>
    public async Task<TestWorkspace> NewWorkspaceAsync()
    {
        var id = $"ws-{Guid.NewGuid():N}"[..20];
        var ct = TestContext.Current.CancellationToken;
        await Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = id, DisplayName = id }, cancellationToken: ct);
        var admin = await Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = id, Name = "console-admin", Scopes = { "admin" } }, cancellationToken: ct);
        var read = await Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = id, Name = "console-read", Scopes = { "read" } }, cancellationToken: ct);
        return new TestWorkspace(id, admin.Secret, read.Secret);
    }

    public string LogTail(int lines) => _process.LogTail(lines);

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _process.StopAsync(TimeSpan.FromSeconds(20), CancellationToken.None);
        _process.Dispose();
    }
}

/// <summary>A workspace of one test, with its keys.</summary>
public sealed record TestWorkspace(string Id, string AdminKey, string ReadKey);
