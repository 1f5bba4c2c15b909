using System.Security.Claims;
using ActorSegments.Domain.Access;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Server.Access;

/// <summary>
/// A <see cref="Caller"/> as the claims of an authenticated key: its id, the workspace it belongs to (none for a key of
/// every workspace) and one claim per scope (<c>ingest</c>, <c>read</c>, <c>admin</c>).
/// </summary>
internal static class ApiKeyClaims
{
    public const string KeyId = "actorsegments:key-id";
    public const string Workspace = "actorsegments:workspace";
    public const string Scope = "actorsegments:scope";

    public static ClaimsPrincipal Principal(Caller caller, string scheme)
    {
        var claims = new List<Claim>(5) { new(KeyId, caller.KeyId), new(ClaimTypes.Name, caller.KeyId) };
        if (caller.WorkspaceId is { } workspace)
        {
            claims.Add(new Claim(Workspace, workspace));
        }

        claims.AddRange(ApiKeyScopeNames.Format(caller.Scopes).Select(scope => new Claim(Scope, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller <paramref name="principal"/> stands for; null when it is not an authenticated key.</summary>
    public static Caller? Caller(ClaimsPrincipal principal)
    {
        foreach (var identity in principal.Identities)
        {
            string? keyId = null, workspace = null;
            var scopes = ApiKeyScopes.None;
            foreach (var claim in identity.Claims)
            {
                switch (claim.Type)
                {
                    case KeyId:
                        keyId = claim.Value;
                        break;
                    case Workspace:
                        workspace = claim.Value;
                        break;
                    case Scope:
                        scopes |= ApiKeyScopeNames.Of(claim.Value);
                        break;
                }
            }

            if (keyId is not null)
            {
                return new Caller(keyId, workspace, scopes);
            }
        }

        return null;
    }
}
