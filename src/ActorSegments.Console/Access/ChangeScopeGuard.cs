using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;

namespace ActorSegments.WebConsole.Access;

/// <summary>
/// Every change made through a console page is a form post to that page; this refuses one from a key without the admin
/// scope on the workspace (403) before the page runs, whatever the page renders. Pages check again, and show no control
/// to such a user in the first place.
/// </summary>
internal sealed class ChangeScopeGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (HttpMethods.IsPost(context.Request.Method)
            && endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && ConsoleUser.From(context.User) is { CanChange: false } user)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync($"This API key is read-only on workspace '{user.Workspace}': it cannot change anything.", context.RequestAborted);
            return;
        }

        await next(context);
    }
}
