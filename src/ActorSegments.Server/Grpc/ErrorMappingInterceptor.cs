using ActorSegments.Abstractions.Customers;
using ActorSegments.Server.Observability;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Npgsql;
using Orleans.Storage;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Turns failures below the gateway into gRPC statuses a client can act on: UNAVAILABLE means "nothing was
/// acknowledged, retry with the same event ids"; INTERNAL is reserved for bugs and carries no internals. A status a
/// handler chose itself (invalid argument, not found, ...) passes through with one log line.
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, ClientErrorLog refusals) : Interceptor
{
    /// <summary>How long an overloaded server asks clients to wait: a group commit drains its queue in well under that.</summary>
    internal static readonly TimeSpan OverloadRetryDelay = TimeSpan.FromSeconds(1);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(() => continuation(request, context), context);

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(() => continuation(requestStream, context), context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(async () => { await continuation(request, responseStream, context).ConfigureAwait(false); return true; }, context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(async () => { await continuation(requestStream, responseStream, context).ConfigureAwait(false); return true; }, context);

    /// <summary>Runs a call, turning any failure that is not already a gRPC status into one.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> call, ServerCallContext context)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException refused)
        {
            refusals.Refused(context.Method, refused.StatusCode, refused.Status.Detail);
            throw;
        }
        catch (Exception ex)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled by the client or its deadline passed."));
        }

        if (Find<EventsNotStoredException>(ex) is { Overloaded: true })
        {
            // The hint is machine-readable too (google.rpc.RetryInfo), so client libraries can back off on their own.
            return new Google.Rpc.Status
            {
                Code = (int)Google.Rpc.Code.ResourceExhausted,
                Message = $"The server is at its limit of work waiting to be stored; nothing from this request was acknowledged. Retry it with the same event ids after about {OverloadRetryDelay.TotalSeconds:0} s, backing off further if it persists.",
                Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(OverloadRetryDelay) }) },
            }.ToRpcException();
        }

        if (IsTransient(ex))
        {
            LogUnavailable(ex, context.Method);
            return new RpcException(new Status(StatusCode.Unavailable,
                "Storage or cluster is temporarily unavailable; nothing from this request was acknowledged. Retry it with the same event ids."));
        }

        LogInternal(ex, context.Method);
        return new RpcException(new Status(StatusCode.Internal, "Internal error; the server log has the details."));
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException or InconsistentStateException or TimeoutException or SiloUnavailableException or EventsNotStoredException => true,
        OrleansException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => ex.InnerException is not null && IsTransient(ex.InnerException),
    };

    internal static T? Find<T>(Exception ex)
        where T : Exception => ex switch
        {
            T match => match,
            AggregateException aggregate => aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(e => e is not null),
            _ => ex.InnerException is null ? null : Find<T>(ex.InnerException),
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed with a transient error; answered UNAVAILABLE")]
    private partial void LogUnavailable(Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed unexpectedly; answered INTERNAL")]
    private partial void LogInternal(Exception exception, string method);
}
