namespace ActorSegments.Server.Admission;

/// <summary>
/// The request-level gate, ahead of the gRPC and JSON handlers: a unary ingest request that finds no room is answered
/// at once, before its body is read or parsed, so thousands of waiting calls cannot pile up their bodies in memory.
/// Runs after routing (the endpoint tells which method a request is for) and before authentication: a refusal
/// carries nothing but the retry delay.
/// </summary>
internal sealed class AdmissionMiddleware(RequestDelegate next, AdmissionGate gate, AdmissionMetrics metrics, ShedLog log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!gate.Enabled || IngestRoute.IsJson(context.GetEndpoint()) is not { } json)
        {
            await next(context);
            return;
        }

        var remaining = json ? null : GrpcTimeout.Parse(context.Request.Headers[GrpcTimeout.Header]);
        if (gate.TryEnterRequest(remaining) is { } refusal)
        {
            metrics.Shed(refusal.Reason);
            log.Shed(refusal);
            await RefusalResponses.WriteAsync(context, refusal, json);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            gate.LeaveRequest();
        }
    }
}
