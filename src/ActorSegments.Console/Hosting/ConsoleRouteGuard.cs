using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ActorSegments.WebConsole.Hosting;

/// <summary>
/// The console's endpoints are routed without their path base (<c>/segments</c> for <c>/console/segments</c>), so the
/// same route would also answer at the root of the HTTP endpoint; this answers 404 there, keeping the API's URL space
/// the API's.
/// </summary>
internal sealed class ConsoleRouteGuard(RequestDelegate next)
{
    private static readonly object Marker = new ConsoleEndpointMarker();

    public static void Mark(EndpointBuilder endpoint) => endpoint.Metadata.Add(Marker);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ConsoleEndpointMarker>() is not null
            && !string.Equals(context.Request.PathBase, ConsoleOptions.PathBase, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private sealed class ConsoleEndpointMarker;
}
