using System.Diagnostics.CodeAnalysis;

namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// The string key of a <see cref="ICustomerGrain"/>: <c>cust:{workspace}/{customer}</c>.
/// </summary>
/// <remarks>
/// The prefix is not decoration. Orleans' ADO.NET storage reads a string key that parses as hexadecimal as an
/// integer key, so raw customer ids "a", "A", "0a" and "000A" would share one row. "cust:" can never parse as hex
/// or as a GUID, so every customer id keeps its own identity.
/// </remarks>
public static class CustomerGrainKey
{
    public const string Prefix = "cust:";

    public static string Format(string workspaceId, string customerId) => PrefixedKey.Format(Prefix, workspaceId, customerId);

    public static bool TryParse(string key, [NotNullWhen(true)] out string? workspaceId, [NotNullWhen(true)] out string? customerId) =>
        PrefixedKey.TryParse(Prefix, key, out workspaceId, out customerId);

    public static (string WorkspaceId, string CustomerId) Parse(string key) =>
        TryParse(key, out var workspaceId, out var customerId)
            ? (workspaceId, customerId)
            : throw new FormatException($"'{key}' is not a customer grain key ({Prefix}<workspace>/<customer>).");
}
