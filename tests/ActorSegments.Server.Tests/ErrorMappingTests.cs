using ActorSegments.Abstractions.Customers;
using ActorSegments.Server.Grpc;
using ActorSegments.Server.Observability;
using Microsoft.AspNetCore.Http;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.Server.Tests;

/// <summary>What clients are told when a customer could not store their events.</summary>
public sealed class ErrorMappingTests
{
    private static ErrorMappingInterceptor NewInterceptor() =>
        new(NullLogger<ErrorMappingInterceptor>.Instance, new ClientErrorLog(NullLogger<ClientErrorLog>.Instance, new HttpContextAccessor()));

    private static async Task<RpcException> CallFailingWith(Exception failure)
    {
        var interceptor = NewInterceptor();
        return await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new TestServerCallContext(), (_, _) => Task.FromException<string>(failure)));
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
    public async Task A_failure_inside_a_stream_is_mapped_like_a_unary_one()
    {
        var interceptor = NewInterceptor();
        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.DuplexStreamingServerHandler<string, string>(
            null!, null!, new TestServerCallContext(), (_, _, _) => Task.FromException(new EventsNotStoredException("full") { Overloaded = true })));

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

    private sealed class TestServerCallContext : ServerCallContext
    {
        protected override string MethodCore => "/actorsegments.v1.IngestService/TrackBatch";
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
