using System.Text.Encodings.Web;
using ActorSegments.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Access;

/// <summary>
/// Authenticates a request by the API key it presents (where, each scheme says), through the server's one
/// <see cref="ICallerAuthenticator"/>: the principal carries the key's workspace and scopes (<see cref="ApiKeyClaims"/>).
/// An open server authenticates every request, with or without a key, as a caller of every workspace.
/// </summary>
internal abstract class KeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ICallerAuthenticator callers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The key the request presents, or null.</summary>
    protected abstract string? PresentedKey();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var caller = await callers.AuthenticateAsync(PresentedKey(), Context.RequestAborted);
        // No result rather than a failure for a wrong key: the refusal is logged once, where it is answered.
        return caller is null
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Success(new AuthenticationTicket(ApiKeyClaims.Principal(caller, Scheme.Name), Scheme.Name));
    }
}
