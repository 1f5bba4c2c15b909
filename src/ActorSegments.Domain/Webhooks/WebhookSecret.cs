using System.Security.Cryptography;

namespace ActorSegments.Domain.Webhooks;

/// <summary>
/// A destination's signing secret in the Standard Webhooks form: <c>whsec_</c> and the base64 of 32 random bytes.
/// The bytes are the HMAC key; the text is what the receiver configures.
/// </summary>
public sealed class WebhookSecret
{
    public const string Prefix = "whsec_";
    private const int KeyBytes = 32;

    private readonly byte[] _key;

    private WebhookSecret(byte[] key) => _key = key;

    /// <summary>The text form a receiver is given, once.</summary>
    public string Text => Prefix + Convert.ToBase64String(_key);

    /// <summary>The key bytes, to store and to sign with.</summary>
    public ReadOnlySpan<byte> Key => _key;

    public static WebhookSecret Generate() => new(RandomNumberGenerator.GetBytes(KeyBytes));

    public static WebhookSecret FromKey(ReadOnlySpan<byte> key) =>
        key.Length is >= 24 and <= 64 ? new WebhookSecret(key.ToArray()) : throw new ArgumentException($"A webhook key is 24 to 64 bytes (got {key.Length}).", nameof(key));

    /// <summary>Reads the text form (with or without the prefix, as receivers' libraries accept it).</summary>
    public static WebhookSecret Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : text;
        return FromKey(Convert.FromBase64String(encoded));
    }
}
