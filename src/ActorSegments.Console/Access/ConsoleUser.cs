using System.Globalization;
using System.Security.Claims;
using ActorSegments.Domain.Access;
using ActorSegments.Domain.Storage;

namespace ActorSegments.WebConsole.Access;

/// <summary>
/// Who is signed in to the console (the <see cref="Caller"/> their API key stands for) and the workspace they are
/// looking at. Read scope sees a workspace; admin scope changes it.
/// </summary>
public sealed record ConsoleUser(Caller Caller, string Workspace)
{
    private const string KeyIdClaim = "as:key-id";
    private const string KeyWorkspaceClaim = "as:key-workspace";
    private const string ScopesClaim = "as:scopes";
    private const string WorkspaceClaim = "as:workspace";

    public bool CanRead => Caller.Allows(Workspace, ApiKeyScopes.Read);

    public bool CanChange => Caller.Allows(Workspace, ApiKeyScopes.Admin);

    /// <summary>The user a console cookie's principal stands for; null when it is not one (anonymous, or another scheme's).</summary>
    public static ConsoleUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.FindFirst(KeyIdClaim)?.Value is not { } keyId || principal.FindFirst(WorkspaceClaim)?.Value is not { } workspace
            || !int.TryParse(principal.FindFirst(ScopesClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var scopes))
        {
            return null;
        }

        var keyWorkspace = principal.FindFirst(KeyWorkspaceClaim)?.Value;
        return new ConsoleUser(new Caller(keyId, string.IsNullOrEmpty(keyWorkspace) ? null : keyWorkspace, (ApiKeyScopes)scopes), workspace);
    }

    /// <summary>The principal the console cookie carries for this user (the key itself is kept apart, in the ticket's properties).</summary>
    public ClaimsPrincipal ToPrincipal() => new(new ClaimsIdentity(
        [
            new Claim(KeyIdClaim, Caller.KeyId),
            new Claim(KeyWorkspaceClaim, Caller.WorkspaceId ?? string.Empty),
            new Claim(ScopesClaim, ((int)Caller.Scopes).ToString(CultureInfo.InvariantCulture)),
            new Claim(WorkspaceClaim, Workspace),
            new Claim(ClaimTypes.Name, Caller.KeyId),
        ],
        ConsoleCookie.Scheme));
}
