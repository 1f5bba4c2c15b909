using System.Globalization;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Segments;

/// <summary>
/// The membership feed over <c>membership_log</c>. A row is returned only once its transaction id is below the
/// snapshot's xmin: every transaction below xmin has ended, so no row can still appear before the cursor, which a
/// cursor on the identity position alone would allow (a transaction that took a smaller position may commit later).
/// </summary>
public sealed class PostgresMembershipFeed(NpgsqlDataSource dataSource) : IMembershipFeed
{
    /// <summary>The highest head (its transaction; the position is always 0) this feed has read: a ulong held as a long.</summary>
    private long _highestHead;

    // xid8 travels as text: its decimal form is the ulong of the cursor.
    internal const string ReadSql = """
        SELECT txid::text AS transaction, position, customer_id, entered, changed_at, cause, logged_at
        FROM membership_log
        WHERE workspace_id = $1 AND segment_id = $2
          AND (txid, position) > ($3::xid8, $4)
          AND txid < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY txid, position
        LIMIT $5
        """;

    /// <summary>
    /// Each segment's newest rows by the feed index, read backwards, then the newest of those: a few index probes per
    /// segment rather than a scan of the workspace's log.
    /// </summary>
    internal const string LatestSql = """
        SELECT d.segment_id, l.txid::text, l.position, l.customer_id, l.entered, l.changed_at, l.cause, l.logged_at
        FROM segment_definitions d
        CROSS JOIN LATERAL (
            SELECT txid, position, customer_id, entered, changed_at, cause, logged_at
            FROM membership_log m
            WHERE m.workspace_id = d.workspace_id AND m.segment_id = d.segment_id
            ORDER BY m.txid DESC, m.position DESC
            LIMIT $2) l
        WHERE d.workspace_id = $1
        ORDER BY l.txid DESC, l.position DESC
        LIMIT $2
        """;

    /// <remarks>
    /// (xmin, 0): every transaction below xmin has ended, so its changes are at or before the cursor and already in
    /// what a reader sees next; every transaction from xmin on (running, or committed after one that still runs) has
    /// its changes after the cursor, since positions start at 1. Such a change may already be visible to the caller,
    /// and reading it again from the feed is the harmless replay the port allows.
    /// </remarks>
    public async Task<FeedCursor> HeadAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())::text");
        var xmin = ulong.Parse((string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!, CultureInfo.InvariantCulture);
        for (var seen = Volatile.Read(ref _highestHead); (ulong)seen < xmin; seen = Volatile.Read(ref _highestHead))
        {
            if (Interlocked.CompareExchange(ref _highestHead, (long)xmin, seen) == seen)
            {
                break;
            }
        }

        return new FeedCursor(xmin, 0);
    }

    public async Task<FeedPage> ReadAsync(string workspaceId, string segmentId, FeedCursor after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after.Transaction.ToString(CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Position });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<FeedChange>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            changes.Add(ReadChange(reader, 0));
        }

        if (changes.Count > 0)
        {
            return new FeedPage(changes, changes[^1].Cursor);
        }

        // Only an empty page can come from a cursor beyond the head (changes after a cursor are before the head), and
        // only a cursor past the highest head seen needs the head read again: every cursor issued lies at or before
        // the head, since xmin never moves back. A caught-up watch polling from the same cursor reads it once.
        if (after <= new FeedCursor((ulong)Volatile.Read(ref _highestHead), 0))
        {
            return new FeedPage(changes, after);
        }

        var head = await HeadAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        return after > head ? throw new FeedCursorBeyondHeadException(after, head) : new FeedPage(changes, after);
    }

    public async Task<IReadOnlyList<SegmentFeedChange>> LatestAsync(string workspaceId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand(LatestSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<SegmentFeedChange>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            changes.Add(new SegmentFeedChange(reader.GetString(0), ReadChange(reader, 1)));
        }

        return changes;
    }

    /// <summary>A change from the columns transaction, position, customer, entered, changed at, cause, logged at from <paramref name="first"/> on.</summary>
    private static FeedChange ReadChange(NpgsqlDataReader reader, int first) => new(
        new FeedCursor(ulong.Parse(reader.GetString(first), CultureInfo.InvariantCulture), reader.GetInt64(first + 1)),
        reader.GetString(first + 2),
        reader.GetBoolean(first + 3),
        reader.GetFieldValue<DateTimeOffset>(first + 4),
        (MembershipCause)reader.GetInt16(first + 5),
        reader.GetFieldValue<DateTimeOffset>(first + 6));
}
