using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.InMemory;

/// <summary>
/// The membership feed of the in-memory journal. A commit is applied whole under the journal's membership lock, so no
/// change can ever appear before one already readable; each change's cursor is (position, position).
/// </summary>
public sealed class InMemoryMembershipFeed(InMemoryCustomerJournal journal) : IMembershipFeed
{
    public Task<FeedCursor> HeadAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (journal.MembershipLock)
        {
            return Task.FromResult(CursorOf(journal.Logged));
        }
    }

    public Task<FeedPage> ReadAsync(string workspaceId, string segmentId, FeedCursor after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (journal.MembershipLock)
        {
            if (after > CursorOf(journal.Logged))
            {
                throw new FeedCursorBeyondHeadException(after, CursorOf(journal.Logged));
            }

            if (!journal.LogBySegment.TryGetValue((workspaceId, segmentId), out var log))
            {
                return Task.FromResult(new FeedPage([], after));
            }

            List<FeedChange> changes = [.. log.Skip(FirstAfter(log, after)).Take(limit).Select(ToFeedChange)];
            return Task.FromResult(new FeedPage(changes, changes.Count == 0 ? after : changes[^1].Cursor));
        }
    }

    public Task<IReadOnlyList<SegmentFeedChange>> LatestAsync(string workspaceId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (journal.MembershipLock)
        {
            return Task.FromResult<IReadOnlyList<SegmentFeedChange>>([.. journal.LogBySegment
                .Where(log => log.Key.Workspace == workspaceId)
                .SelectMany(log => log.Value.TakeLast(limit).Select(r => (Segment: log.Key.Segment, Record: r)))
                .OrderByDescending(entry => entry.Record.Position)
                .Take(limit)
                .Select(entry => new SegmentFeedChange(entry.Segment, ToFeedChange(entry.Record)))]);
        }
    }

    private static FeedCursor CursorOf(long position) => new((ulong)position, position);

    private static FeedChange ToFeedChange(MembershipLogRecord record) => new(
        CursorOf(record.Position), record.CustomerId, record.Change.Entered, UnixTime.ToDateTimeOffset(record.Change.At), record.Change.Cause, record.LoggedAt);

    /// <summary>The index of the first record of a segment's log that lies after the cursor.</summary>
    private static int FirstAfter(List<MembershipLogRecord> log, FeedCursor after)
    {
        int low = 0, high = log.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (CursorOf(log[middle].Position) > after)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
