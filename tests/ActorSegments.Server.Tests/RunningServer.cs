using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace ActorSegments.Server.Tests;

/// <summary>
/// The real server (<see cref="ServerApplication"/>) started in this process on free loopback ports, with a gRPC
/// channel to it over a real HTTP/2 connection.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(WebApplication app, int grpcPort, int httpPort, int siloPort)
    {
        App = app;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        SiloPort = siloPort;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        var admin = As(BootstrapKey);
        Ingest = admin.Ingest;
        Profiles = admin.Profiles;
        Segments = admin.Segments;
        Admin = admin.Admin;
        Cohorts = new CohortService.CohortServiceClient(admin.Invoker);
        Models = new ModelService.ModelServiceClient(admin.Invoker);
    }

    /// <summary>The bootstrap key every test server is started with (every scope on every workspace).</summary>
    public const string BootstrapKey = "test-bootstrap-key-0123456789abcdef0123456789";

    public WebApplication App { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public GrpcChannel Channel { get; }

    public IngestService.IngestServiceClient Ingest { get; }

    public ProfileService.ProfileServiceClient Profiles { get; }

    public SegmentService.SegmentServiceClient Segments { get; }

    public AdminService.AdminServiceClient Admin { get; }

    public CohortService.CohortServiceClient Cohorts { get; }

    public ModelService.ModelServiceClient Models { get; }

    /// <summary>Clients that send <paramref name="apiKey"/> with every call (none when null).</summary>
    public ApiClients As(string? apiKey)
    {
        var invoker = apiKey is null
            ? Channel.CreateCallInvoker()
            : Channel.Intercept(headers =>
            {
                headers.Add("authorization", $"Bearer {apiKey}");
                return headers;
            });
        return new ApiClients(
            new IngestService.IngestServiceClient(invoker),
            new ProfileService.ProfileServiceClient(invoker),
            new SegmentService.SegmentServiceClient(invoker),
            new AdminService.AdminServiceClient(invoker),
            invoker);
    }

    public IServiceProvider Services => App.Services;

    /// <summary>A new workspace of its own for a test.</summary>
    public async Task<string> NewWorkspaceAsync()
    {
        var id = $"ws-{Guid.NewGuid():N}"[..20];
        await Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = id }, cancellationToken: TestContext.Current.CancellationToken);
        return id;
    }

    /// <summary>The secret of a new key of <paramref name="workspaceId"/> with one scope.</summary>
    public async Task<string> KeyAsync(string workspaceId, string scope) =>
        (await Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = workspaceId, Name = $"{scope}-key", Scopes = { scope } }, cancellationToken: TestContext.Current.CancellationToken)).Secret;

    /// <summary>Starts a server; <paramref name="settings"/> are configuration keys and values, e.g. ("ActorSegments:Postgres:ConnectionString", cs).</summary>
    public static async Task<RunningServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var grpcPort = FreeTcpPort.Next();
        var httpPort = FreeTcpPort.Next();
        var siloPort = FreeTcpPort.Next();
        var args = new List<string>
        {
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{httpPort}",
            $"--ActorSegments:Cluster:SiloPort={siloPort}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans.Runtime.Silo=Warning",
            $"--ActorSegments:Auth:BootstrapKey={BootstrapKey}",
        };
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));

        var app = ServerApplication.Build([.. args]);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new RunningServer(app, grpcPort, httpPort, siloPort);
    }

    /// <summary>Settings for a server on PostgreSQL: the database and a cluster id of its own.</summary>
    public static (string, string)[] OnPostgres(TestDatabase db, string clusterId = "test") =>
    [
        ("ActorSegments:Postgres:ConnectionString", db.ConnectionString),
        ("ActorSegments:Cluster:ClusterId", clusterId),
    ];

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}

/// <summary>One client per service, all sending the same key.</summary>
public sealed record ApiClients(
    IngestService.IngestServiceClient Ingest,
    ProfileService.ProfileServiceClient Profiles,
    SegmentService.SegmentServiceClient Segments,
    AdminService.AdminServiceClient Admin,
    global::Grpc.Core.CallInvoker Invoker);
