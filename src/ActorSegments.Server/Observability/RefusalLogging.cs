namespace ActorSegments.Server.Observability;

/// <summary>
/// Gives every refused request its one log line (<see cref="ClientErrorLog.Answered"/>), also those refused before a
/// gRPC handler or interceptor could see them. Outermost of the server's own middleware.
/// </summary>
internal sealed class RefusalLogging(RequestDelegate next, ClientErrorLog log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        log.Answered(context);
    }
}
