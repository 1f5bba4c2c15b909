using ActorSegments.Server.Observability;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ActorSegments.Server.Lifecycle;

/// <summary>
/// Admits the API's calls through the <see cref="ServingGate"/>: while the server drains, a new call fails with
/// UNAVAILABLE before doing anything (the client retries elsewhere; the same event ids are applied once), calls in
/// flight are counted so the drain can wait for them, and a stream that ends because calls are refused (streaming
/// services watch <see cref="ServingGate.Refusing"/>) ends with UNAVAILABLE, not as if it were done.
/// Health checks and reflection are not gated: probes must keep getting answers while the server stops.
/// </summary>
internal sealed class ServingGateInterceptor(ServingGate gate, ServerMetrics metrics) : Interceptor
{
    private const string OwnServicePrefix = "/actorsegments.";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        AdmitAsync(context, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        AdmitAsync(context, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        AdmitStreamAsync(context, () => continuation(request, responseStream, context));

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        AdmitStreamAsync(context, () => continuation(requestStream, responseStream, context));

    private async Task<T> AdmitAsync<T>(ServerCallContext context, Func<Task<T>> call)
    {
        if (!IsGated(context))
        {
            return await call();
        }

        Enter(context);
        try
        {
            return await call();
        }
        finally
        {
            Leave(context);
        }
    }

    private async Task AdmitStreamAsync(ServerCallContext context, Func<Task> call)
    {
        if (!IsGated(context))
        {
            await call();
            return;
        }

        Enter(context);
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled } && StoppedByDrain(context))
        {
            throw Stopping();
        }
        finally
        {
            Leave(context);
        }

        if (StoppedByDrain(context))
        {
            // The stream ended because the server stops, not because it was done: the client resumes elsewhere.
            throw Stopping();
        }
    }

    private bool StoppedByDrain(ServerCallContext context) => gate.Refusing.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested;

    private void Enter(ServerCallContext context)
    {
        if (!gate.TryEnter())
        {
            throw Stopping();
        }

        metrics.CallStarted(context.Method);
    }

    private void Leave(ServerCallContext context)
    {
        metrics.CallEnded(context.Method);
        gate.Leave();
    }

    private static bool IsGated(ServerCallContext context) => context.Method.StartsWith(OwnServicePrefix, StringComparison.Ordinal);

    private static RpcException Stopping() => new(new Status(StatusCode.Unavailable,
        "This server is shutting down and takes no new calls; nothing of this call was done. Retry on another server: the same event ids are applied once, a change feed resumes from its cursor."));
}
