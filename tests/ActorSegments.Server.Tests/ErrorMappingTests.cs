using ActorSegments.Abstractions.Customers;
using ActorSegments.Server.Grpc;
using ActorSegments.Server.Lifecycle;
using ActorSegments.Server.Observability;
using Microsoft.AspNetCore.Http;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.Server.Tests;

/// <summary>What clients are told when a customer could not store their events.</summary>
public sealed class ErrorMappingTests
{
    private static ErrorMappingInterceptor NewInterceptor(ServingGate? gate = null) =>
        new(NullLogger<ErrorMappingInterceptor>.Instance, new ClientErrorLog(NullLogger<ClientErrorLog>.Instance, new HttpContextAccessor()), gate ?? new ServingGate());

    private static async Task<RpcException> CallFailingWith(Exception failure)
    {
        var interceptor = NewInterceptor();
        return await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", TestServerCallContext.Create(), (_, _) => Task.FromException<string>(failure)));
    }

    [Fact]
    public async Task ARefusalRecordedBeforeTheCall_IsAnsweredAndTheCallNeverRuns()
    {
        var context = TestServerCallContext.Create();
        RefusedCall.Record(context.GetHttpContext(), new Status(StatusCode.Unauthenticated, "no key"));
        RefusedCall.Record(context.GetHttpContext(), new Status(StatusCode.PermissionDenied, "decided later"));
        var ran = false;

        var error = await Assert.ThrowsAsync<RpcException>(() => NewInterceptor().UnaryServerHandler<string, string>("request", context, (_, _) =>
        {
            ran = true;
            return Task.FromResult("response");
        }));

        Assert.Equal((StatusCode.Unauthenticated, "no key"), (error.StatusCode, error.Status.Detail));
        Assert.False(ran);
    }

    [Fact]
    public async Task AStreamEndedByADrain_IsUnavailableButAUnaryCallOrAHealthStreamEndsAsItEnded()
    {
        using var gate = new ServingGate();
        await gate.RefuseAndDrainAsync(TimeSpan.Zero, TimeProvider.System, TestContext.Current.CancellationToken);
        var interceptor = NewInterceptor(gate);

        var stream = await Assert.ThrowsAsync<RpcException>(() => interceptor.ServerStreamingServerHandler<string, string>(
            "request", null!, TestServerCallContext.Create(), (_, _, _) => Task.CompletedTask));
        var cancelled = await Assert.ThrowsAsync<RpcException>(() => interceptor.DuplexStreamingServerHandler<string, string>(
            null!, null!, TestServerCallContext.Create(), (_, _, _) => Task.FromException(new OperationCanceledException())));
        var unary = await interceptor.UnaryServerHandler<string, string>("request", TestServerCallContext.Create(), (_, _) => Task.FromResult("response"));
        await interceptor.ServerStreamingServerHandler<string, string>("request", null!, TestServerCallContext.Create("/grpc.health.v1.Health/Watch"), (_, _, _) => Task.CompletedTask);

        Assert.Equal((StatusCode.Unavailable, ServingGateMiddleware.Stopping.Detail), (stream.StatusCode, stream.Status.Detail));
        Assert.Equal(StatusCode.Unavailable, cancelled.StatusCode);
        Assert.Equal("response", unary);
    }

    [Fact]
    public async Task JournalRefusedNewWork_IsResourceExhausted_AndSaysToBackOff()
    {
        var error = await CallFailingWith(new EventsNotStoredException("full") { Overloaded = true });

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("nothing from this request was acknowledged", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("backing off", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), error.GetRpcStatus()!.GetDetail<Google.Rpc.RetryInfo>().RetryDelay.ToTimeSpan());
    }

    [Fact]
    public async Task AFailureInsideAStream_IsMappedLikeAUnaryOne()
    {
        var interceptor = NewInterceptor();
        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.DuplexStreamingServerHandler<string, string>(
            null!, null!, TestServerCallContext.Create(), (_, _, _) => Task.FromException(new EventsNotStoredException("full") { Overloaded = true })));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task CommitFailed_IsUnavailable_AndSaysToRetryWithTheSameIds()
    {
        var error = await CallFailingWith(new AggregateException(new EventsNotStoredException("commit failed")));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("same event ids", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_IsInternal_WithoutItsDetails()
    {
        var error = await CallFailingWith(new InvalidOperationException("secret internals"));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
    }

    private sealed class TestServerCallContext(string method) : ServerCallContext
    {
        /// <summary>A call of <paramref name="method"/> hosted as ASP.NET Core hosts it (grpc-dotnet finds the request's HttpContext under this key).</summary>
        public static TestServerCallContext Create(string method = "/actorsegments.v1.IngestService/TrackBatch")
        {
            var context = new TestServerCallContext(method);
            context.UserState["__HttpContext"] = new DefaultHttpContext();
            return context;
        }

        protected override string MethodCore => method;
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore => [];
        protected override CancellationToken CancellationTokenCore => CancellationToken.None;
        protected override Metadata ResponseTrailersCore => [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
