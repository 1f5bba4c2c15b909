using ActorSegments.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.WebConsole.Access;

/// <summary>
/// The console's sign-in: a data-protected authentication ticket in an HTTP-only, same-site (strict) cookie scoped to
/// the console's path. The ticket holds the API key (encrypted, never readable by script), and every request presents
/// it again to the server's <see cref="ICallerAuthenticator"/>, so a revoked key ends the session as it ends API access.
/// </summary>
public static class ConsoleCookie
{
    public const string Scheme = "ActorSegments.Console";

    /// <summary>The authorization policy every console page and change requires.</summary>
    public const string Policy = "ActorSegments.Console";

    public const string CookieName = "actorsegments-console";

    private const string KeyItem = "as:key";

    /// <summary>Signs <paramref name="user"/> in (or switches their workspace), keeping <paramref name="key"/> in the ticket.</summary>
    public static Task SignInAsync(HttpContext context, ConsoleUser user, string key)
    {
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.Items[KeyItem] = key;
        return context.SignInAsync(Scheme, user.ToPrincipal(), properties);
    }

    /// <summary>The key the signed-in user presented; null when nobody is signed in.</summary>
    public static async Task<string?> KeyAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded && result.Properties.Items.TryGetValue(KeyItem, out var key) ? key : null;
    }

    /// <summary>Rejects a ticket whose key no longer authenticates as the same caller (revoked, or the server's keys changed).</summary>
    internal static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var authenticator = context.HttpContext.RequestServices.GetRequiredService<ICallerAuthenticator>();
        var user = ConsoleUser.From(context.Principal);
        context.Properties.Items.TryGetValue(KeyItem, out var key);
        var caller = user is null ? null : await authenticator.AuthenticateAsync(key, context.HttpContext.RequestAborted);
        if (caller is null || user is null || caller.KeyId != user.Caller.KeyId || !caller.Sees(user.Workspace))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
