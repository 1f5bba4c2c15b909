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
        var identity = new ClaimsIdentity(scheme);
        Add(identity, KeyId, caller.KeyId);
        Add(identity, ClaimTypes.Name, caller.KeyId);
        if (caller.WorkspaceId is { } workspace)
        {
            Add(identity, Workspace, workspace);
        }

        foreach (var scope in ApiKeyScopeNames.Format(caller.Scopes))
        {
            Add(identity, Scope, scope);
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>A claim made for its identity: one made without would be copied when added (this runs on every call).</summary>
    private static void Add(ClaimsIdentity identity, string type, string value) =>
        identity.AddClaim(new Claim(type, value, ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity));

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
