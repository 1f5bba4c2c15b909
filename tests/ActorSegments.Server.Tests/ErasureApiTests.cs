using System.Net;
using System.Net.Http.Headers;
using ActorSegments.Domain.Privacy;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using ActorSegments.Testing;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>DeleteCustomer over gRPC and HTTP on a dev-mode server, and ingest for erased ids (docs/privacy.md).</summary>
public sealed class ErasureApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private async Task<string> WorkspaceWithBuyerSegmentAsync()
    {
        var workspace = $"ws-{Guid.NewGuid():N}"[..20];
        await Server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await Eventually.ReturnsAsync(() => SegmentAsync(workspace), s => s.Status == SegmentStatus.Live);
        return workspace;
    }

    private Task<Segment> SegmentAsync(string workspace) =>
        Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspace, SegmentId = "buyers" }, cancellationToken: Ct).ResponseAsync;

    private Task<DeleteCustomerResponse> DeleteAsync(string workspace, string customer, ApiClients? client = null) =>
        (client?.Profiles ?? Server.Profiles).DeleteCustomerAsync(new DeleteCustomerRequest { WorkspaceId = workspace, CustomerId = customer }, cancellationToken: Ct).ResponseAsync;

    private async Task<string> KeyAsync(string workspaceId, string scope) =>
        (await Server.Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = workspaceId, Name = $"{scope}-key", Scopes = { scope } }, cancellationToken: Ct)).Secret;

    [Fact]
    public async Task DeleteCustomer_Buyer_LeavesTheSegmentCountsDropAndTheProfileIsGone()
    {
        var workspace = await WorkspaceWithBuyerSegmentAsync();
        var customer = Events.NewCustomerId();
        await Server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(customer, "purchase", workspaceId: workspace) }, cancellationToken: Ct);
        // Counts are read through the segment grain, which refreshes them now and then: wait for each figure.
        await Eventually.ReturnsAsync(() => SegmentAsync(workspace), s => s.Members == 1);

        var erased = await DeleteAsync(workspace, customer);
        await Eventually.ReturnsAsync(() => SegmentAsync(workspace), s => s.Members == 0);
        var profile = await Assert.ThrowsAsync<RpcException>(() => Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = workspace, CustomerId = customer }, cancellationToken: Ct).ResponseAsync);
        var again = await DeleteAsync(workspace, customer);

        Assert.True(erased.Found);
        Assert.Equal(["buyers"], erased.Exits);
        Assert.Equal(1, erased.RemovedRows["customer_journal"]);
        Assert.Equal(ErasedIds.Hash(workspace, customer), erased.IdHash);
        Assert.Equal(StatusCode.NotFound, profile.StatusCode);
        Assert.Equal((false, true), (again.Found, again.AlreadyErased));
    }

    [Fact]
    public async Task DeleteCustomer_WithAReadOrIngestKey_IsPermissionDeniedAndErasesNothing()
    {
        var workspace = await WorkspaceWithBuyerSegmentAsync();
        var customer = Events.NewCustomerId();
        await Server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(customer, "purchase", workspaceId: workspace) }, cancellationToken: Ct);

        foreach (var scope in new[] { "read", "ingest" })
        {
            var client = Server.As(await KeyAsync(workspace, scope));
            var refused = await Assert.ThrowsAsync<RpcException>(() => DeleteAsync(workspace, customer, client));
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        }

        var admin = await DeleteAsync(workspace, customer, Server.As(await KeyAsync(workspace, "admin")));
        Assert.True(admin.Found);
    }

    [Theory]
    [InlineData("", "customer_id")]
    [InlineData("a\u0001b", "customer_id")]
    public async Task DeleteCustomer_BadCustomerId_IsInvalidArgumentNamingTheField(string customerId, string field)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => DeleteAsync("acme", customerId));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal([field], GrpcErrors.ViolatedFields(refused));
    }

    [Fact]
    public async Task DeleteCustomer_BadWorkspaceId_IsInvalidArgumentNamingTheField()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => DeleteAsync("no spaces allowed", "c1"));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["workspace_id"], GrpcErrors.ViolatedFields(refused));
    }

    [Fact]
    public async Task Ingest_ErasedId_IsFailedPreconditionNamingThePositionUntilTheRequestAllowsARestart()
    {
        var workspace = await WorkspaceWithBuyerSegmentAsync();
        var (erased, other) = (Events.NewCustomerId(), Events.NewCustomerId());
        await Server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(erased, "purchase", workspaceId: workspace) }, cancellationToken: Ct);
        await DeleteAsync(workspace, erased);

        var track = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(erased, "purchase", workspaceId: workspace) }, cancellationToken: Ct).ResponseAsync);
        var batch = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.TrackBatchAsync(new TrackBatchRequest
        {
            Events = { Events.Make(other, workspaceId: workspace), Events.Make(erased, workspaceId: workspace), Events.Make(erased, workspaceId: workspace) },
        }, cancellationToken: Ct).ResponseAsync);
        var identify = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.IdentifyAsync(Identify(workspace, erased), cancellationToken: Ct).ResponseAsync);
        var restarted = await Server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(erased, "purchase", workspaceId: workspace), RestartErased = true }, cancellationToken: Ct);
        var profile = await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = workspace, CustomerId = erased }, cancellationToken: Ct);

        Assert.Equal((StatusCode.FailedPrecondition, "event.customer_id"), (track.StatusCode, GrpcErrors.ViolatedFields(track).Single()));
        Assert.Equal("event.customer_id", track.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations.Single().Subject);
        Assert.Equal((StatusCode.FailedPrecondition, "events[1].customer_id"), (batch.StatusCode, GrpcErrors.ViolatedFields(batch).Single()));
        Assert.Equal((StatusCode.FailedPrecondition, "customer_id"), (identify.StatusCode, GrpcErrors.ViolatedFields(identify).Single()));
        Assert.Equal(EventOutcome.Applied, restarted.Outcome);
        Assert.Equal(1, profile.TotalEvents);
        Assert.Equal(["buyers"], profile.Segments.Select(s => s.SegmentId));
    }

    [Fact]
    public async Task Identify_ErasedIdWithRestart_StartsANewCustomer()
    {
        var workspace = await WorkspaceWithBuyerSegmentAsync();
        var customer = Events.NewCustomerId();
        await DeleteAsync(workspace, customer); // never seen: suppressed all the same

        var request = Identify(workspace, customer);
        request.RestartErased = true;
        var identified = await Server.Ingest.IdentifyAsync(request, cancellationToken: Ct);

        Assert.Equal(EventOutcome.Applied, identified.Outcome);
    }

    [Fact]
    public async Task TrackStream_ErasedId_RejectsEachOfItsEventsAndAppliesTheOthers()
    {
        var workspace = await WorkspaceWithBuyerSegmentAsync();
        var (erased, other) = (Events.NewCustomerId(), Events.NewCustomerId());
        await DeleteAsync(workspace, erased);
        using var call = Server.Ingest.TrackStream(cancellationToken: Ct);

        await call.RequestStream.WriteAsync(new TrackBatchRequest
        {
            Events = { Events.Make(erased, workspaceId: workspace), Events.Make(other, workspaceId: workspace), Events.Make(erased, workspaceId: workspace) },
        }, Ct);
        await call.RequestStream.CompleteAsync();
        var acks = new List<TrackStreamAck>();
        await foreach (var ack in call.ResponseStream.ReadAllAsync(Ct))
        {
            acks.Add(ack);
        }

        var only = Assert.Single(acks);
        Assert.Equal(1, only.Applied);
        Assert.Equal([(0, "customer_id"), (2, "customer_id")], only.Rejections.Select(r => (r.Index, r.Field)));
    }

    [Fact]
    public async Task DeleteOverHttp_ErasesTheCustomerAndAnswersTheReportAsJson()
    {
        var workspace = await WorkspaceWithBuyerSegmentAsync();
        var customer = "a/b";
        await Server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(customer, "purchase", workspaceId: workspace) }, cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.HttpPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey);

        using var response = await http.DeleteAsync($"/v1/workspaces/{workspace}/customers/a%2Fb", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"found\":true", body.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"exits\":[\"buyers\"]", body.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = workspace, CustomerId = customer }, cancellationToken: Ct).ResponseAsync)).StatusCode);
    }

    private static IdentifyRequest Identify(string workspace, string customer) => new()
    {
        WorkspaceId = workspace,
        CustomerId = customer,
        Traits = { ["plan"] = Value.ForString("gold") },
    };
}
