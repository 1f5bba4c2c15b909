using ActorSegments.Server.Observability;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Turns failures below the gateway into gRPC statuses a client can act on, as <see cref="Failures"/> classifies
/// them: UNAVAILABLE means "nothing was acknowledged, retry with the same event ids"; INTERNAL is reserved for bugs
/// and carries no internals. A status a handler chose itself (invalid argument, not found, ...) passes through with
/// one log line.
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, ClientErrorLog refusals) : Interceptor
{
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
        var kind = Failures.Classify(ex, context.CancellationToken.IsCancellationRequested);
        if (kind == FailureKind.Unavailable)
        {
            LogUnavailable(ex, context.Method);
        }
        else if (kind == FailureKind.Internal)
        {
            LogInternal(ex, context.Method);
        }

        return Failures.Answer(kind);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed with a transient error; answered UNAVAILABLE")]
    private partial void LogUnavailable(Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed unexpectedly; answered INTERNAL")]
    private partial void LogInternal(Exception exception, string method);
}
