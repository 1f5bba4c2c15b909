using ActorSegments.Protos.V1;
using Grpc.Core;
using Grpc.Health.V1;

namespace ActorSegments.Server.Tests;

/// <summary>API keys over a real channel: no key, wrong workspace, missing scope, revocation; open health checks.</summary>
public sealed class AccessTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    [Fact]
    public async Task EveryService_RefusesACallWithoutAValidKey()
    {
        foreach (var key in new[] { null, "as_0123456789abcdef_wrong-secret", "not-a-key" })
        {
            var anonymous = Server.As(key);
            var calls = new Func<Task>[]
            {
                () => anonymous.Ingest.TrackAsync(new TrackRequest { Event = Events.Make("c1") }, cancellationToken: Ct).ResponseAsync,
                () => anonymous.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = "c1" }, cancellationToken: Ct).ResponseAsync,
                () => anonymous.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = "acme" }, cancellationToken: Ct).ResponseAsync,
                () => anonymous.Admin.ListWorkspacesAsync(new ListWorkspacesRequest(), cancellationToken: Ct).ResponseAsync,
            };
            foreach (var call in calls)
            {
                Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
            }
        }

        var health = await new global::Grpc.Health.V1.Health.HealthClient(Server.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task AWorkspaceKey_CannotReadOrChangeAnotherWorkspace()
    {
        var (own, other) = (await NewWorkspaceAsync(), await NewWorkspaceAsync());
        var key = await KeyAsync(own, "admin");
        var client = Server.As(key);
        await client.Ingest.TrackAsync(new TrackRequest { Event = Events.Make("c1", workspaceId: own) }, cancellationToken: Ct);

        var calls = new Func<Task>[]
        {
            () => client.Ingest.TrackAsync(new TrackRequest { Event = Events.Make("c1", workspaceId: other) }, cancellationToken: Ct).ResponseAsync,
            () => client.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { Events.Make("c1", workspaceId: own), Events.Make("c2", workspaceId: other) } }, cancellationToken: Ct).ResponseAsync,
            () => client.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = other, CustomerId = "c1" }, cancellationToken: Ct).ResponseAsync,
            () => client.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = other, SegmentId = "s", Rule = "did(purchase)" }, cancellationToken: Ct).ResponseAsync,
            () => client.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = other, SegmentId = "s" }, cancellationToken: Ct).ResponseAsync,
            () => client.Admin.GetSchemaAsync(new GetSchemaRequest { WorkspaceId = other }, cancellationToken: Ct).ResponseAsync,
            () => client.Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = other, Name = "x", Scopes = { "read" } }, cancellationToken: Ct).ResponseAsync,
            () => client.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = "sneaky" }, cancellationToken: Ct).ResponseAsync,
        };
        foreach (var call in calls)
        {
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }

        var visible = await client.Admin.ListWorkspacesAsync(new ListWorkspacesRequest(), cancellationToken: Ct);
        Assert.Equal([own], visible.Workspaces.Select(w => w.WorkspaceId));
        var untouched = await Assert.ThrowsAsync<RpcException>(() => Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = other, CustomerId = "c1" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, untouched.StatusCode);
    }

    [Fact]
    public async Task AStream_RejectsTheEventsOfAWorkspaceItsKeyMayNotIngestIntoAndGoesOn()
    {
        var (own, other) = (await NewWorkspaceAsync(), await NewWorkspaceAsync());
        var client = Server.As(await KeyAsync(own, "ingest"));
        using var call = client.Ingest.TrackStream(cancellationToken: Ct);

        await call.RequestStream.WriteAsync(new TrackBatchRequest { Events = { Events.Make("c1", workspaceId: own), Events.Make("c2", workspaceId: other) } }, Ct);
        await call.RequestStream.WriteAsync(new TrackBatchRequest { Events = { Events.Make("c3", workspaceId: own) } }, Ct);
        await call.RequestStream.CompleteAsync();
        var acks = new List<TrackStreamAck>();
        await foreach (var ack in call.ResponseStream.ReadAllAsync(Ct))
        {
            acks.Add(ack);
        }

        var untouched = await Assert.ThrowsAsync<RpcException>(() => Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = other, CustomerId = "c2" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal([(0L, 1), (1L, 1)], acks.Select(a => (a.Batch, a.Applied)));
        Assert.Equal((1, "workspace_id"), (acks[0].Rejections.Single().Index, acks[0].Rejections.Single().Field));
        Assert.Equal(StatusCode.NotFound, untouched.StatusCode);
    }

    [Fact]
    public async Task Scopes_LimitWhatAKeyMayDo()
    {
        var ws = await NewWorkspaceAsync();
        var reader = Server.As(await KeyAsync(ws, "read"));
        var ingester = Server.As(await KeyAsync(ws, "ingest"));

        await ingester.Ingest.TrackAsync(new TrackRequest { Event = Events.Make("c1", workspaceId: ws) }, cancellationToken: Ct);
        var profile = await reader.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = ws, CustomerId = "c1" }, cancellationToken: Ct);
        var readerIngests = await Assert.ThrowsAsync<RpcException>(() => reader.Ingest.TrackAsync(new TrackRequest { Event = Events.Make("c2", workspaceId: ws) }, cancellationToken: Ct).ResponseAsync);
        var ingesterReads = await Assert.ThrowsAsync<RpcException>(() => ingester.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = ws, CustomerId = "c1" }, cancellationToken: Ct).ResponseAsync);
        var readerDefines = await Assert.ThrowsAsync<RpcException>(() => reader.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "s", Rule = "did(purchase)" }, cancellationToken: Ct).ResponseAsync);
        var badScope = await Assert.ThrowsAsync<RpcException>(() => Server.Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = ws, Name = "x", Scopes = { "read", "write" } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(1, profile.TotalEvents);
        Assert.Equal(StatusCode.PermissionDenied, readerIngests.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, ingesterReads.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, readerDefines.StatusCode);
        Assert.Equal(["scopes[1]"], GrpcErrors.ViolatedFields(badScope));
    }

    [Fact]
    public async Task ARevokedKey_IsRefusedAndKeysAreListedWithoutSecrets()
    {
        var ws = await NewWorkspaceAsync();
        var created = await Server.Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = ws, Name = "sync-job", Scopes = { "read" } }, cancellationToken: Ct);
        var client = Server.As(created.Secret);
        await client.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = ws }, cancellationToken: Ct);

        await Server.Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { WorkspaceId = ws, KeyId = created.Key.KeyId }, cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = ws }, cancellationToken: Ct).ResponseAsync);
        var again = await Assert.ThrowsAsync<RpcException>(() => Server.Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { WorkspaceId = ws, KeyId = created.Key.KeyId }, cancellationToken: Ct).ResponseAsync);
        var listed = await Server.Admin.ListApiKeysAsync(new ListApiKeysRequest { WorkspaceId = ws }, cancellationToken: Ct);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
        var key = Assert.Single(listed.Keys);
        Assert.Equal("sync-job", key.Name);
        Assert.Equal("read", Assert.Single(key.Scopes));
        Assert.NotNull(key.RevokedAt);
        Assert.DoesNotContain(created.Secret, listed.ToString(), StringComparison.Ordinal);
    }

    private Task<string> NewWorkspaceAsync() => Server.NewWorkspaceAsync();

    private Task<string> KeyAsync(string workspaceId, string scope) => Server.KeyAsync(workspaceId, scope);
}
