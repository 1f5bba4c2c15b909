using System.Text.Encodings.Web;
using ActorSegments.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Access;

/// <summary>
/// The API's scheme: the key as <c>authorization: Bearer &lt;key&gt;</c> (any case), or else <c>x-api-key: &lt;key&gt;</c>.
/// Refusals are not answered here but as the API's status (<see cref="GrpcAuthorizationResultHandler"/>).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ICallerAuthenticator callers)
    : KeyAuthenticationHandler(options, logger, encoder, callers)
{
    /// <summary>What a call without a valid key is told (UNAUTHENTICATED; HTTP 401).</summary>
    public const string NoValidKey = "A valid API key is required: send 'authorization: Bearer <key>' (or 'x-api-key: <key>'). The key is missing, unknown, revoked or wrong.";

    protected override string? PresentedKey()
    {
        const string bearer = "Bearer ";
        // The last value of a repeated header, as gRPC metadata reads it.
        var authorization = Last(Request.Headers.Authorization);
        if (authorization is not null && authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[bearer.Length..];
        }

        return Last(Request.Headers["x-api-key"]);
    }

    private static string? Last(Microsoft.Extensions.Primitives.StringValues values) => values.Count > 0 ? values[^1] : null;
}
