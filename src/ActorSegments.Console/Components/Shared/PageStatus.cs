using Microsoft.AspNetCore.Http;

namespace ActorSegments.WebConsole.Components.Shared;

/// <summary>The status a page answers with when it shows a refusal.</summary>
internal static class PageStatus
{
    /// <summary>
    /// Sets <paramref name="status"/>, except 404: Blazor replaces the body of a page rendered with 404 by the router's
    /// not-found page, which would drop the message naming what is missing; that page answers 200 and shows it.
    /// </summary>
    public static void Set(HttpContext context, int status)
    {
        if (status != StatusCodes.Status404NotFound)
        {
            context.Response.StatusCode = status;
        }
    }
}
