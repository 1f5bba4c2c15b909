using System.Security.Cryptography;
using System.Text;

namespace ActorSegments.Domain.Privacy;

/// <summary>
/// What an erasure keeps in place of a customer id: a hash, to recognize the id when it comes back (the suppression
/// list) and to name it in the audit log, and a random token that replaces the id in the change feed.
/// </summary>
public static class ErasedIds
{
    /// <summary>The prefix of every redaction token, so a feed reader can tell a redacted row at a glance.</summary>
    public const string TokenPrefix = "erased:";

    /// <summary>
    /// SHA-256 (lowercase hex) of the workspace id, a line feed and the customer id. Workspace ids cannot hold a line
    /// feed, so two different pairs never hash the same text. A hash of a guessable id (a number, an e-mail address)
    /// can be matched by hashing guesses: it keeps the id out of plain sight, it does not anonymize it.
    /// </summary>
    public static string Hash(string workspaceId, string customerId)
    {
        ArgumentNullException.ThrowIfNull(workspaceId);
        ArgumentNullException.ThrowIfNull(customerId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workspaceId + "\n" + customerId)));
    }

    /// <summary>
    /// A new token for one erasure: random, so it cannot be turned back into the id, and the same for all of that
    /// erasure's feed rows, so a reader replaying the feed still sees each enter matched by its exit.
    /// </summary>
    public static string NewToken() => TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
