using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ActorSegments.Server.Access;

/// <summary>
/// API keys look like <c>as_&lt;key id&gt;_&lt;secret&gt;</c>: the id finds the stored key, the 256-bit secret proves
/// possession. Only SHA-256 of the secret is stored — a fast hash is enough for a random secret of this length.
/// </summary>
public static class ApiKeyFormat
{
    private const string Prefix = "as_";
    private const int KeyIdBytes = 8;
    private const int SecretBytes = 32;

    /// <summary>A new key: its id and the full key to hand to the client (shown once, never stored).</summary>
    public static (string KeyId, string Key, byte[] SecretHash) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes));
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (keyId, $"{Prefix}{keyId}_{secret}", Hash(secret));
    }

    /// <summary>Splits a presented key into id and secret; false when it is not of this format.</summary>
    public static bool TryParse(string presented, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out string? secret)
    {
        keyId = secret = null;
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = presented.IndexOf('_', Prefix.Length);
        if (separator != Prefix.Length + (KeyIdBytes * 2) || separator == presented.Length - 1)
        {
            return false;
        }

        keyId = presented[Prefix.Length..separator];
        secret = presented[(separator + 1)..];
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Compares in time independent of where the hashes differ.</summary>
    public static bool Matches(string secret, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);
}
