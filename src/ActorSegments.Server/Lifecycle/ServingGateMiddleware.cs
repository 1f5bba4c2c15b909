using ActorSegments.Server.Grpc;
using ActorSegments.Server.Observability;
using Grpc.Core;

namespace ActorSegments.Server.Lifecycle;

/// <summary>
/// Admits the API's calls (gRPC and JSON) through the <see cref="ServingGate"/>: while the server drains, a new call is
/// refused with UNAVAILABLE before anything else is decided about it, its key included (the client retries elsewhere;
/// the same event ids are applied once); calls admitted are counted, per method too, until their answer is written,
/// so the drain can wait for them. Health checks, reflection and the console are not gated: probes must keep getting
/// answers while the server stops. A stream that ends because calls are refused ends with the same UNAVAILABLE
/// (<see cref="ErrorMappingInterceptor"/>).
/// </summary>
internal sealed class ServingGateMiddleware(RequestDelegate next, ServingGate gate, ServerMetrics metrics)
{
    /// <summary>What a call refused, or a stream ended, by a stopping server is told.</summary>
    public static readonly Status Stopping = new(StatusCode.Unavailable,
        "This server is shutting down and takes no new calls; nothing of this call was done. Retry on another server: the same event ids are applied once, a change feed resumes from its cursor.");

    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiEndpoints.MethodOf(context.GetEndpoint()) is not { } method)
        {
            await next(context);
            return;
        }

        if (!gate.TryEnter())
        {
            RefusedCall.Record(context, Stopping);
            await next(context);
            return;
        }

        metrics.CallStarted(method);
        try
        {
            await next(context);
        }
        finally
        {
            metrics.CallEnded(method);
            gate.Leave();
        }
    }
}
