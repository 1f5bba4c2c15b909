using System.Security.Cryptography;
using System.Text;

namespace ActorSegments.Domain.Webhooks;

/// <summary>
/// Signs a message as the Standard Webhooks specification says, so any receiver library verifies it: the headers
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>, the latter
/// <c>v1,</c> and the base64 of HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c> with the secret's key.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(WebhookSecret secret, string messageId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(secret.Key, signed));
    }
}
