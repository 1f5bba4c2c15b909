namespace ActorSegments.Domain.Storage;

/// <summary>
/// The ordered enter/exit changes of segments, read by cursor: what ESP sync jobs consume exactly once. The usual
/// full sync takes <see cref="HeadAsync"/>, pages the members (<see cref="ISegmentMembers"/>), then follows changes
/// from that cursor; replaying a change it already saw in the page is harmless (enter of a member, exit of a
/// non-member), missing one is impossible.
/// </summary>
public interface IMembershipFeed
{
    /// <summary>A cursor just past every change committed so far in the workspace.</summary>
    Task<FeedCursor> HeadAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> changes of one segment after <paramref name="after"/>, oldest first, and the
    /// cursor to continue from (the cursor of the last change returned, or <paramref name="after"/> when none).
    /// Throws <see cref="FeedCursorBeyondHeadException"/> when <paramref name="after"/> lies beyond
    /// <see cref="HeadAsync"/>: no cursor the feed issued can, and reading on from one would never return anything.
    /// </summary>
    Task<FeedPage> ReadAsync(string workspaceId, string segmentId, FeedCursor after, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <paramref name="limit"/> changes logged last across the workspace's segments, newest first: a glance at
    /// what is happening, not a feed to follow (it may include changes a cursor read would still hold back).
    /// </summary>
    Task<IReadOnlyList<SegmentFeedChange>> LatestAsync(string workspaceId, int limit, CancellationToken cancellationToken = default);
}

/// <summary>A logged membership change with the segment it is for.</summary>
public sealed record SegmentFeedChange(string SegmentId, FeedChange Change);

/// <summary>One logged membership change; <see cref="Cursor"/> resumes the feed right after it.</summary>
public sealed record FeedChange(FeedCursor Cursor, string CustomerId, bool Entered, DateTimeOffset ChangedAt, Segments.MembershipCause Cause, DateTimeOffset LoggedAt);

public sealed record FeedPage(IReadOnlyList<FeedChange> Changes, FeedCursor Next);
