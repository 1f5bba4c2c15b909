using System.Globalization;

namespace ActorSegments.Server.Admission;

/// <summary>
/// Reads the <c>grpc-timeout</c> request header (at most 8 digits and a unit: H, M, S, m, u, n), so a deadline can be
/// weighed before the request's body is read, when the call's own context does not exist yet.
/// </summary>
internal static class GrpcTimeout
{
    public const string Header = "grpc-timeout";

    /// <summary>The time the caller gave the call; null when it gave none or the header is malformed (gRPC itself answers that).</summary>
    public static TimeSpan? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length is < 2 or > 9
            || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => null,
        };
    }
}
