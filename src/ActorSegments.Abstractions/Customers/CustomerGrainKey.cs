using System.Diagnostics.CodeAnalysis;

namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// The string key of a <see cref="ICustomerGrain"/>: <c>cust:{workspace}/{customer}</c>.
/// </summary>
/// <remarks>
/// The prefix is not decoration. Orleans' ADO.NET storage reads a string key that parses as hexadecimal as an
/// integer key, so raw customer ids "a", "A", "0a" and "000A" would share one row. "cust:" can never parse as hex
/// or as a GUID, so every customer id keeps its own identity. Workspace ids cannot contain '/', which makes the
/// first '/' an unambiguous separator whatever the customer id contains.
/// </remarks>
public static class CustomerGrainKey
{
    public const string Prefix = "cust:";

    public static string Format(string workspaceId, string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        if (workspaceId.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A workspace id cannot contain '/'.", nameof(workspaceId));
        }

        return string.Concat(Prefix, workspaceId, "/", customerId);
    }

    public static bool TryParse(string key, [NotNullWhen(true)] out string? workspaceId, [NotNullWhen(true)] out string? customerId)
    {
        workspaceId = customerId = null;
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = key.IndexOf('/', Prefix.Length);
        if (slash <= Prefix.Length || slash == key.Length - 1)
        {
            return false;
        }

        workspaceId = key[Prefix.Length..slash];
        customerId = key[(slash + 1)..];
        return true;
    }

    public static (string WorkspaceId, string CustomerId) Parse(string key) =>
        TryParse(key, out var workspaceId, out var customerId)
            ? (workspaceId, customerId)
            : throw new FormatException($"'{key}' is not a customer grain key ({Prefix}<workspace>/<customer>).");
}
