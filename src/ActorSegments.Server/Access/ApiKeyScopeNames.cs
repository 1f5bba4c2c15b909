using ActorSegments.Domain.Storage;
using ActorSegments.Server.Grpc;

namespace ActorSegments.Server.Access;

/// <summary>Scopes as clients write them: "ingest", "read", "admin".</summary>
internal static class ApiKeyScopeNames
{
    private static readonly (string Name, ApiKeyScopes Scope)[] Names =
    [
        ("ingest", ApiKeyScopes.Ingest),
        ("read", ApiKeyScopes.Read),
        ("admin", ApiKeyScopes.Admin),
    ];

    /// <summary>The scopes named; INVALID_ARGUMENT naming the first unknown one, or when none is given.</summary>
    public static ApiKeyScopes Parse(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            throw InvalidArgument.Create("scopes", "at least one of 'ingest', 'read', 'admin' is required");
        }

        var scopes = ApiKeyScopes.None;
        for (var i = 0; i < names.Count; i++)
        {
            var scope = Of(names[i]);
            scopes |= scope != ApiKeyScopes.None
                ? scope
                : throw InvalidArgument.Create($"scopes[{i}]", $"'{names[i]}' is not a scope; expected 'ingest', 'read' or 'admin'");
        }

        return scopes;
    }

    public static IEnumerable<string> Format(ApiKeyScopes scopes) => Names.Where(n => scopes.HasFlag(n.Scope)).Select(n => n.Name);

    /// <summary>The scope a name stands for; none for a name that is not a scope.</summary>
    public static ApiKeyScopes Of(string name)
    {
        foreach (var (known, scope) in Names)
        {
            if (string.Equals(known, name, StringComparison.Ordinal))
            {
                return scope;
            }
        }

        return ApiKeyScopes.None;
    }
}
