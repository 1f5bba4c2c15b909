using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using ActorSegments.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Access;

/// <summary>
/// The Orleans Dashboard shows every workspace's grains and the silo's logs, so it needs a key for every workspace
/// (the bootstrap key, <see cref="AccessPolicies.Dashboard"/>). Browsers send it as the password of HTTP Basic
/// authentication (any user name), tools as <c>authorization: Bearer &lt;key&gt;</c>; a refusal asks for Basic.
/// </summary>
internal sealed class DashboardAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ICallerAuthenticator callers)
    : KeyAuthenticationHandler(options, logger, encoder, callers)
{
    private const string Challenge = "Basic realm=\"ActorSegments dashboard\", charset=\"UTF-8\"";

    protected override string? PresentedKey()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var value) || value.Parameter is null)
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

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        RefuseAsync(StatusCodes.Status401Unauthorized, "The dashboard needs the bootstrap key (as the Basic password, or 'authorization: Bearer <key>').");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        RefuseAsync(StatusCodes.Status403Forbidden, "The dashboard needs the bootstrap key; workspace keys cannot see every workspace.");

    private Task RefuseAsync(int status, string text)
    {
        Response.StatusCode = status;
        Response.Headers.WWWAuthenticate = Challenge;
        Response.ContentType = "text/plain; charset=utf-8";
        return Response.WriteAsync(text, Context.RequestAborted);
    }
}
