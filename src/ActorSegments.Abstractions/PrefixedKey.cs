using System.Diagnostics.CodeAnalysis;

namespace ActorSegments.Abstractions;

/// <summary>
/// Grain keys of the form <c>{prefix}{workspace}/{id}</c>. The prefix keeps Orleans' ADO.NET storage from reading a
/// hex-looking key as a number; workspace ids cannot contain '/', which makes the first '/' the separator whatever
/// the id contains.
/// </summary>
internal static class PrefixedKey
{
    public static string Format(string prefix, string workspaceId, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (workspaceId.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A workspace id cannot contain '/'.", nameof(workspaceId));
        }

        return string.Concat(prefix, workspaceId, "/", id);
    }

    public static bool TryParse(string prefix, string? key, [NotNullWhen(true)] out string? workspaceId, [NotNullWhen(true)] out string? id)
    {
        workspaceId = id = null;
        if (key is null || !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = key.IndexOf('/', prefix.Length);
        if (slash <= prefix.Length || slash == key.Length - 1)
        {
            return false;
        }

        workspaceId = key[prefix.Length..slash];
        id = key[(slash + 1)..];
        return true;
    }
}
