using System.Globalization;

namespace ActorSegments.Domain.Storage;

/// <summary>
/// A position in a workspace's membership change feed. Changes are ordered by the transaction that committed them,
/// then by their position in the log: a reader only ever sees transactions that can no longer be joined by an older
/// one still running, so a cursor never passes a change that commits later (no gap) and never returns one twice.
/// </summary>
/// <remarks>Clients see the cursor as an opaque token (<see cref="ToToken"/>); its parts are storage details.</remarks>
public readonly record struct FeedCursor(ulong Transaction, long Position) : IComparable<FeedCursor>
{
    /// <summary>Before every change ever logged.</summary>
    public static FeedCursor Start => default;

    public int CompareTo(FeedCursor other) => Transaction != other.Transaction ? Transaction.CompareTo(other.Transaction) : Position.CompareTo(other.Position);

    public static bool operator <(FeedCursor left, FeedCursor right) => left.CompareTo(right) < 0;

    public static bool operator >(FeedCursor left, FeedCursor right) => left.CompareTo(right) > 0;

    public static bool operator <=(FeedCursor left, FeedCursor right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FeedCursor left, FeedCursor right) => left.CompareTo(right) >= 0;

    public string ToToken() => string.Create(CultureInfo.InvariantCulture, $"{Transaction:x}.{Position:x}");

    /// <summary>Reads a token made by <see cref="ToToken"/>; an empty token is the start of the feed.</summary>
    public static bool TryParse(string? token, out FeedCursor cursor)
    {
        cursor = Start;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !ulong.TryParse(token.AsSpan(0, dot), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var transaction)
            || !long.TryParse(token.AsSpan(dot + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var position)
            || position < 0)
        {
            return false;
        }

        cursor = new FeedCursor(transaction, position);
        return true;
    }
}
