using ActorSegments.Server.Lifecycle;
using ActorSegments.Server.Observability;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// The API's one interceptor: answers a refusal middleware decided before the call (<see cref="RefusedCall"/>: the
/// server is stopping, the key is not valid) once the request message is read, and turns failures below the gateway
/// into gRPC statuses a client can act on, as <see cref="Failures"/> classifies them: UNAVAILABLE means "nothing was
/// acknowledged, retry with the same event ids"; INTERNAL is reserved for bugs and carries no internals. A stream that
/// ends because the server stops refusing calls (streams watch <see cref="ServingGate.Refusing"/>) ends with
/// UNAVAILABLE, not as if it were done. A status a handler chose itself (invalid argument, not found, ...) passes
/// through; every refusal gets one log line.
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, ClientErrorLog refusals, ServingGate gate) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(() => continuation(request, context), context, stream: false);

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(() => continuation(requestStream, context), context, stream: true);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(async () => { await continuation(request, responseStream, context); return true; }, context, stream: true);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(async () => { await continuation(requestStream, responseStream, context); return true; }, context, stream: true);

    /// <summary>Runs a call unless it was refused, turning any failure that is not already a gRPC status into one.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> call, ServerCallContext context, bool stream)
    {
        try
        {
            if (RefusedCall.Of(context) is { } refused)
            {
                throw new RpcException(refused.Status);
            }

            var result = await call();
            if (stream && StoppedByDrain(context))
            {
                // The stream ended because the server stops, not because it was done: the client resumes elsewhere.
                throw new RpcException(ServingGateMiddleware.Stopping);
            }

            return result;
        }
        catch (Exception ex) when (stream && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled } && StoppedByDrain(context))
        {
            throw Refused(new RpcException(ServingGateMiddleware.Stopping), context);
        }
        catch (RpcException refused)
        {
            throw Refused(refused, context);
        }
        catch (Exception ex)
        {
            throw Map(ex, context);
        }
    }

    /// <summary>Whether an API stream ended because the server stops (health and reflection streams are not stopped by it).</summary>
    private bool StoppedByDrain(ServerCallContext context) =>
        gate.Refusing.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested && ApiEndpoints.IsApiMethod(context.Method);

    private RpcException Refused(RpcException refused, ServerCallContext context)
    {
        refusals.Refused(context.Method, refused.StatusCode, refused.Status.Detail);
        return refused;
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
