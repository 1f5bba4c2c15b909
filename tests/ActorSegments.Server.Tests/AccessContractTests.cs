using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ActorSegments.Protos.V1;
using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>
/// What a client is told when access is refused, to the letter, over gRPC and HTTP/JSON: the status, the message, and
/// the order of the checks (a bad request is refused as such before the key's permissions are looked at).
/// </summary>
public sealed partial class AccessContractTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private const string NoValidKey = "A valid API key is required: send 'authorization: Bearer <key>' (or 'x-api-key: <key>'). The key is missing, unknown, revoked or wrong.";

    [Fact]
    public async Task AMissingOrWrongKey_IsUnauthenticatedWithOneMessageOverGrpcAndJson()
    {
        var segments = new SegmentService.SegmentServiceClient(Server.Channel);
        var presented = new Metadata?[]
        {
            null,
            [new("authorization", "Bearer as_0123456789abcdef_wrong-secret")],
            [new("x-api-key", "not-a-key")],
            [new("authorization", $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"user:{RunningServer.BootstrapKey}"))}")], // the dashboard's form, not the API's
        };
        foreach (var headers in presented)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = "acme" }, headers, cancellationToken: Ct).ResponseAsync);
            Assert.Equal((StatusCode.Unauthenticated, NoValidKey), (refused.StatusCode, refused.Status.Detail));
        }

        using var http = Http(key: null);
        using var response = await http.GetAsync(new Uri("/v1/workspaces/acme/segments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(JsonStatus(StatusCode.Unauthenticated, NoValidKey), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AKey_IsTakenAsBearerInAnyCaseOrAsXApiKeyWithSurroundingSpaceIgnored()
    {
        var ws = await NewWorkspaceAsync();
        var key = await KeyAsync(ws, "read");
        var segments = new SegmentService.SegmentServiceClient(Server.Channel);
        var presented = new Metadata[]
        {
            [new("authorization", $"bearer {key}")],
            [new("authorization", $"Bearer   {key}")],
            [new("x-api-key", key)],
            [new("authorization", "Basic dXNlcjpwYXNz"), new("x-api-key", key)], // an authorization that is not Bearer leaves the key to x-api-key
        };
        foreach (var headers in presented)
        {
            Assert.Empty((await segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = ws }, headers, cancellationToken: Ct)).Segments);
        }

        using var http = Http(key: null);
        http.DefaultRequestHeaders.Add("x-api-key", key);
        using var response = await http.GetAsync(new Uri($"/v1/workspaces/{ws}/segments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PermissionRefusals_NameTheOtherWorkspaceOrTheMissingScopeOverGrpcAndJson()
    {
        var (own, other) = (await NewWorkspaceAsync(), await NewWorkspaceAsync());
        var readKey = await KeyAsync(own, "read");
        var reader = Server.As(readKey);
        var admin = Server.As(await KeyAsync(own, "admin"));

        var foreign = await RefusedAsync(() => reader.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = other }, cancellationToken: Ct).ResponseAsync);
        var scope = await RefusedAsync(() => reader.Ingest.TrackAsync(new TrackRequest { Event = Events.Make("c1", workspaceId: own) }, cancellationToken: Ct).ResponseAsync);
        var foreignWithoutScope = await RefusedAsync(() => reader.Ingest.TrackAsync(new TrackRequest { Event = Events.Make("c1", workspaceId: other) }, cancellationToken: Ct).ResponseAsync);
        var batch = await RefusedAsync(() => admin.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { Events.Make("c1", workspaceId: own), Events.Make("c2", workspaceId: other) } }, cancellationToken: Ct).ResponseAsync);
        var workspaces = await RefusedAsync(() => admin.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = "sneaky" }, cancellationToken: Ct).ResponseAsync);

        var otherWorkspace = $"This API key belongs to workspace '{own}' and cannot be used for workspace '{other}'.";
        Assert.Equal((StatusCode.PermissionDenied, otherWorkspace), foreign);
        Assert.Equal((StatusCode.PermissionDenied, $"This API key lacks the 'ingest' scope on workspace '{own}'."), scope);
        Assert.Equal((StatusCode.PermissionDenied, otherWorkspace), foreignWithoutScope);
        Assert.Equal((StatusCode.PermissionDenied, otherWorkspace), batch);
        Assert.Equal((StatusCode.PermissionDenied, "Only the bootstrap key may manage workspaces."), workspaces);

        using var http = Http(readKey);
        using var response = await http.GetAsync(new Uri($"/v1/workspaces/{other}/segments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(JsonStatus(StatusCode.PermissionDenied, otherWorkspace), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ABadRequest_IsRefusedAsSuchBeforeTheKeysPermissionsAreLookedAt()
    {
        var (own, other) = (await NewWorkspaceAsync(), await NewWorkspaceAsync());
        var reader = Server.As(await KeyAsync(own, "read"));

        var badEventOwn = await Assert.ThrowsAsync<RpcException>(() => reader.Ingest.TrackAsync(new TrackRequest { Event = Events.Make("c1", "Bad Type", workspaceId: own) }, cancellationToken: Ct).ResponseAsync);
        var badEventOther = await Assert.ThrowsAsync<RpcException>(() => reader.Ingest.TrackAsync(new TrackRequest { Event = Events.Make("c1", "Bad Type", workspaceId: other) }, cancellationToken: Ct).ResponseAsync);
        var badBatch = await Assert.ThrowsAsync<RpcException>(() => reader.Ingest.TrackBatchAsync(new TrackBatchRequest(), cancellationToken: Ct).ResponseAsync);
        var badSegment = await Assert.ThrowsAsync<RpcException>(() => reader.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = own, SegmentId = "Not An Id!", Rule = "did(purchase)" }, cancellationToken: Ct).ResponseAsync);
        var badWorkspace = await Assert.ThrowsAsync<RpcException>(() => reader.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = "" }, cancellationToken: Ct).ResponseAsync);
        using var keyless = Http(key: null);
        using var badRunId = await keyless.GetAsync(new Uri($"/v1/workspaces/{own}/cohorts/runs/not-a-number", UriKind.Relative), Ct); // a route value that cannot be read, without a key

        Assert.All(new[] { badEventOwn, badEventOther, badBatch, badSegment, badWorkspace }, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal(["event.type"], GrpcErrors.ViolatedFields(badEventOwn));
        Assert.Equal(["event.type"], GrpcErrors.ViolatedFields(badEventOther));
        Assert.Equal(["events"], GrpcErrors.ViolatedFields(badBatch));
        Assert.Equal(["segment_id"], GrpcErrors.ViolatedFields(badSegment));
        Assert.Equal(["workspace_id"], GrpcErrors.ViolatedFields(badWorkspace));
        Assert.Equal(HttpStatusCode.BadRequest, badRunId.StatusCode);
    }

    [Fact]
    public async Task AStreamOfAKeyWithoutTheIngestScope_IsAnsweredEventByEventAndGoesOn()
    {
        var ws = await NewWorkspaceAsync();
        var reader = Server.As(await KeyAsync(ws, "read"));
        using var call = reader.Ingest.TrackStream(cancellationToken: Ct);

        await call.RequestStream.WriteAsync(new TrackBatchRequest { Events = { Events.Make("c1", workspaceId: ws), Events.Make("c2", "Bad Type", workspaceId: ws) } }, Ct);
        await call.RequestStream.WriteAsync(new TrackBatchRequest { Events = { Events.Make("c3", workspaceId: ws) } }, Ct);
        await call.RequestStream.CompleteAsync();
        var acks = await call.ResponseStream.ReadAllAsync(Ct).ToListAsync(Ct);

        var refusal = $"this API key may not ingest into workspace '{ws}'";
        Assert.Equal([0, 0], acks.Select(a => a.Applied));
        Assert.Equal([(0, "workspace_id", refusal), (1, "type", acks[0].Rejections[1].Description)], acks[0].Rejections.Select(r => (r.Index, r.Field, r.Description)));
        Assert.Equal([(0, "workspace_id", refusal)], acks[1].Rejections.Select(r => (r.Index, r.Field, r.Description)));
    }

    [Fact]
    public async Task EveryMethodOfEveryService_RefusesACallWithoutAKeyOverGrpc()
    {
        var anonymous = Server.As(apiKey: null).Invoker;
        var outcomes = new List<string>();
        foreach (var method in OwnServices().SelectMany(s => s.Methods))
        {
            outcomes.Add($"{method.FullName}: {await CallAsync(anonymous, method)}");
        }

        Assert.Contains(outcomes, o => o.StartsWith("actorsegments.v1.IngestService.TrackStream:", StringComparison.Ordinal));
        Assert.All(outcomes, o => Assert.EndsWith($": {StatusCode.Unauthenticated} {NoValidKey}", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownMethodOrService_IsUnimplementedWithOrWithoutAKey()
    {
        var unknown = new[]
        {
            new Method<byte[], byte[]>(MethodType.Unary, IngestService.Descriptor.FullName, "NoSuchMethod", RawMarshaller, RawMarshaller),
            new Method<byte[], byte[]>(MethodType.Unary, "actorsegments.v1.NoSuchService", "Track", RawMarshaller, RawMarshaller),
            new Method<byte[], byte[]>(MethodType.Unary, "elsewhere.Service", "Call", RawMarshaller, RawMarshaller),
        };
        var outcomes = new List<string>();
        foreach (var key in new[] { null, RunningServer.BootstrapKey })
        {
            foreach (var method in unknown)
            {
                var refused = await Assert.ThrowsAsync<RpcException>(() => Server.As(key).Invoker.AsyncUnaryCall(method, null, new CallOptions(cancellationToken: Ct), []).ResponseAsync);
                outcomes.Add($"{method.FullName}: {refused.StatusCode}");
            }
        }

        Assert.All(outcomes, o => Assert.EndsWith($": {StatusCode.Unimplemented}", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryJsonRoute_RefusesARequestWithoutAKey()
    {
        using var http = Http(key: null);
        var outcomes = new List<string>();
        foreach (var (method, rule) in OwnServices().SelectMany(s => s.Methods).Select(m => (m, m.GetOptions()?.GetExtension(AnnotationsExtensions.Http))).Where(r => r.Item2 is not null))
        {
            var (verb, template) = rule!.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
                HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
                HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
                HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
                HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
                _ => throw new InvalidOperationException($"{method.FullName}: {rule.PatternCase}"),
            };
            using var request = new HttpRequestMessage(verb, new Uri(RouteValue().Replace(template, "1"), UriKind.Relative));
            if (rule.Body.Length > 0)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            outcomes.Add($"{method.FullName}: {(int)response.StatusCode} {(method.IsServerStreaming ? body.TrimEnd('\n') : body)}"); // a stream's error is a line
        }

        Assert.Contains(outcomes, o => o.StartsWith("actorsegments.v1.SegmentService.WatchChanges:", StringComparison.Ordinal));
        Assert.All(outcomes, o => Assert.EndsWith($": 401 {JsonStatus(StatusCode.Unauthenticated, NoValidKey)}", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOpenServer_TakesCallsWithNoKeyOrAnyKeyOnEveryWorkspace()
    {
        await using var open = await RunningServer.StartAsync(("ActorSegments:Auth:Required", "false"));
        var presented = new[] { null, "not-a-key", "as_0123456789abcdef_wrong-secret" };
        for (var i = 0; i < presented.Length; i++)
        {
            await open.As(presented[i]).Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = $"open-{i}" }, cancellationToken: Ct);
        }

        var listed = await open.As(apiKey: null).Admin.ListWorkspacesAsync(new ListWorkspacesRequest(), cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{open.HttpPort}") };
        using var json = await http.GetAsync(new Uri("/v1/workspaces/open-0/segments", UriKind.Relative), Ct);

        Assert.Equal(["open-0", "open-1", "open-2"], listed.Workspaces.Select(w => w.WorkspaceId).Where(w => w.StartsWith("open-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
    }

    /// <summary>
    /// The console registers authentication schemes of its own; a server without it must not lose the API's: the
    /// refusal is the same, and a valid key still gets in, over both transports.
    /// </summary>
    [Fact]
    public async Task AServerWithoutTheConsole_StillRequiresAKeyOverGrpcAndJson()
    {
        await using var bare = await RunningServer.StartAsync(("ActorSegments:Console:Enabled", "false"));
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await bare.As(apiKey: null).Admin.ListWorkspacesAsync(new ListWorkspacesRequest(), cancellationToken: Ct));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{bare.HttpPort}") };
        using var anonymous = await http.GetAsync(new Uri("/v1/workspaces", UriKind.Relative), Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/workspaces", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey);
        using var admitted = await http.SendAsync(request, Ct);
        await bare.As(RunningServer.BootstrapKey).Admin.ListWorkspacesAsync(new ListWorkspacesRequest(), cancellationToken: Ct);

        Assert.Equal((StatusCode.Unauthenticated, NoValidKey), (refused.StatusCode, refused.Status.Detail));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(JsonStatus(StatusCode.Unauthenticated, NoValidKey), await anonymous.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    private static readonly Marshaller<byte[]> RawMarshaller = Marshallers.Create(bytes => bytes, bytes => bytes);

    /// <summary>The body JSON transcoding answers an error with, byte for byte.</summary>
    internal static string JsonStatus(StatusCode code, string message) =>
        $$"""{"code":{{(int)code}},"message":{{JsonSerializer.Serialize(message, RelaxedJson)}},"details":[]}""";

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The ActorSegments services, from the descriptors generated from the protos.</summary>
    private static IEnumerable<ServiceDescriptor> OwnServices() => typeof(IngestService).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .SelectMany(f => f.Services)
        .Where(s => s.FullName.StartsWith("actorsegments.", StringComparison.Ordinal))
        .DistinctBy(s => s.FullName);

    /// <summary>How a call with an empty (valid) request message ends: its status and message.</summary>
    private static async Task<string> CallAsync(CallInvoker invoker, MethodDescriptor descriptor)
    {
        var method = RawMethods.For(descriptor);
        var options = new CallOptions(cancellationToken: Ct);
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, []);
                    return "OK";
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, []))
                    {
                        await call.ResponseStream.MoveNext(Ct);
                        return "OK";
                    }

                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        await call.ResponseStream.MoveNext(Ct);
                        return "OK";
                    }
            }
        }
        catch (RpcException ex)
        {
            return $"{ex.StatusCode} {ex.Status.Detail}";
        }
    }

    private static async Task<(StatusCode, string)> RefusedAsync(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        return (refused.StatusCode, refused.Status.Detail);
    }

    private HttpClient Http(string? key)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.HttpPort}") };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    private Task<string> NewWorkspaceAsync() => Server.NewWorkspaceAsync();

    private Task<string> KeyAsync(string workspaceId, string scope) => Server.KeyAsync(workspaceId, scope);

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteValue();
}
