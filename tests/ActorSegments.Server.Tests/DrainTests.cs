using ActorSegments.Protos.V1;
using ActorSegments.Server.Lifecycle;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Server.Tests;

/// <summary>A server that started refusing calls (the drain at a stop): what clients, probes and streams see.</summary>
public sealed class DrainTests
{
    private const string Stopping = "This server is shutting down and takes no new calls; nothing of this call was done. Retry on another server: the same event ids are applied once, a change feed resumes from its cursor.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADrainingServer_IsNotReadyButAliveRefusesNewCallsWithUnavailableAndEndsOpenStreamsWithUnavailable()
    {
        await using var server = await RunningServer.StartAsync();
        var customer = Events.NewCustomerId();
        using var stream = server.Ingest.TrackStream(cancellationToken: Ct);
        await stream.RequestStream.WriteAsync(new TrackBatchRequest { Events = { Events.Make(customer, "purchase") } }, Ct);
        Assert.True(await stream.ResponseStream.MoveNext(Ct));
        Assert.Equal(1, stream.ResponseStream.Current.Applied); // the stream is open and served: a call in flight

        var gate = server.Services.GetRequiredService<ServingGate>();
        var drained = await gate.RefuseAndDrainAsync(TimeSpan.FromMinutes(1), TimeProvider.System, Ct);

        Assert.True(drained, "the open stream ended at the drain instead of holding it");
        var streamEnd = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.Unavailable, streamEnd.StatusCode);
        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(customer, "purchase") }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Equal(Stopping, refused.Status.Detail);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => server.As(apiKey: null).Ingest.TrackAsync(new TrackRequest { Event = Events.Make(customer, "purchase") }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal((StatusCode.Unavailable, Stopping), (anonymous.StatusCode, anonymous.Status.Detail)); // refused for stopping before the key is looked at
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") };
        using var json = await http.PostAsync(new Uri("/v1/events:track", UriKind.Relative), new StringContent($$$"""{"event": {"workspaceId": "acme", "customerId": "{{{customer}}}", "eventId": "e", "type": "purchase"}}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, json.StatusCode);
        Assert.Equal(AccessContractTests.JsonStatus(StatusCode.Unavailable, Stopping), await json.Content.ReadAsStringAsync(Ct));

        var health = new global::Grpc.Health.V1.Health.HealthClient(server.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct)).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "liveness" }, cancellationToken: Ct)).Status);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri("/livez", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task AChangeFeedWatch_EndsWithUnavailableAtADrainSoItsClientResumesElsewhere()
    {
        await using var server = await RunningServer.StartAsync();
        const string workspace = "drain-watch";
        await server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        await server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        using var watch = server.Segments.WatchChanges(new WatchChangesRequest { WorkspaceId = workspace, SegmentId = "buyers" }, cancellationToken: Ct);
        await server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(Events.NewCustomerId(), "purchase", workspaceId: workspace) }, cancellationToken: Ct);
        Assert.True(await watch.ResponseStream.MoveNext(Ct)); // the watch is being served

        var gate = server.Services.GetRequiredService<ServingGate>();
        Assert.True(await gate.RefuseAndDrainAsync(TimeSpan.FromMinutes(1), TimeProvider.System, Ct), "the watch ended at the drain instead of holding it");

        var end = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.Unavailable, end.StatusCode);
    }
}
