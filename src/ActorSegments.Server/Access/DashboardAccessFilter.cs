using System.Net.Http.Headers;
using System.Text;

namespace ActorSegments.Server.Access;

/// <summary>
/// The Orleans Dashboard shows every workspace's grains and the silo's logs, so it needs a key for every workspace
/// (the bootstrap key). Browsers send it as the password of HTTP Basic authentication (any user name), tools as
/// <c>authorization: Bearer &lt;key&gt;</c>.
/// </summary>
internal sealed class DashboardAccessFilter(ApiKeyAuthenticator authenticator) : IEndpointFilter
{
    private const string Challenge = "Basic realm=\"ActorSegments dashboard\", charset=\"UTF-8\"";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = await authenticator.AuthenticateAsync(PresentedKey(http.Request.Headers.Authorization), http.RequestAborted);
        if (caller is { IsUnrestricted: true })
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = Challenge;
        return caller is null
            ? Results.Text("The dashboard needs the bootstrap key (as the Basic password, or 'authorization: Bearer <key>').", statusCode: StatusCodes.Status401Unauthorized)
            : Results.Text("The dashboard needs the bootstrap key; workspace keys cannot see every workspace.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static string? PresentedKey(string? header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || value.Parameter is null)
        {
            return null;
        }

        if (string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return value.Parameter;
        }

        if (!string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 ? decoded[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
