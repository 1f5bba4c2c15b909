using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Segments;
using ActorSegments.WebConsole.Export;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ActorSegments.WebConsole.Access;

/// <summary>
/// The console's routes that are not pages: the members export, and signing out and switching workspace (each a form post
/// with an antiforgery token).
/// </summary>
internal static class ConsoleEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/segments/{segmentId}/members.csv", async (HttpContext context, string segmentId, ISegmentMembers members, SegmentReader reader) =>
        {
            var user = ConsoleUser.From(context.User)!;
            if (!user.CanRead)
            {
                return Results.Text($"This API key cannot read workspace '{user.Workspace}'.", statusCode: StatusCodes.Status403Forbidden);
            }

            if (await reader.FindAsync(user.Workspace, segmentId) is null)
            {
                return Results.Text($"Segment '{segmentId}' does not exist in workspace '{user.Workspace}'.", statusCode: StatusCodes.Status404NotFound);
            }

            return Results.Stream(
                stream => MemberCsv.WriteAsync(members, user.Workspace, segmentId, stream, context.RequestAborted),
                "text/csv; charset=utf-8",
                $"{user.Workspace}-{segmentId}-members.csv");
        }).RequireAuthorization(ConsoleCookie.Policy);

        var changes = endpoints.MapGroup(string.Empty)
            .RequireAuthorization(ConsoleCookie.Policy)
            .AddEndpointFilter<AntiforgeryCheck>()
            .DisableAntiforgery(); // checked by the filter instead, for every post, whatever its content type
        changes.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(ConsoleCookie.Scheme);
            return Results.LocalRedirect("~/signin");
        });
        changes.MapPost("/workspace", async (HttpContext context, [FromForm] string? workspace) =>
        {
            var user = ConsoleUser.From(context.User)!;
            if (WorkspaceChoices.Refusal(user.Caller, workspace?.Trim()) is { } refusal)
            {
                return Results.Text(refusal, statusCode: StatusCodes.Status403Forbidden);
            }

            var key = await ConsoleCookie.KeyAsync(context) ?? string.Empty;
            await ConsoleCookie.SignInAsync(context, user with { Workspace = workspace!.Trim() }, key);
            return Results.LocalRedirect("~/");
        });
    }

    /// <summary>Refuses a post without a valid antiforgery token (a forged cross-site request) before it changes anything.</summary>
    private sealed class AntiforgeryCheck(IAntiforgery antiforgery) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
            await antiforgery.IsRequestValidAsync(context.HttpContext)
                ? await next(context)
                : Results.Text("The form's antiforgery token is missing or invalid: reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
    }
}
