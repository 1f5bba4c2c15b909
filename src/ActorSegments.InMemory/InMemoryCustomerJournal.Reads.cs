using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.InMemory;

/// <summary>
/// The read side of the in-memory journal: the membership feed and member pages. A commit is applied whole under the
/// lock, so no change can ever appear before one already readable; each change's cursor is (position, position).
/// </summary>
public sealed partial class InMemoryCustomerJournal : IMembershipFeed, ISegmentMembers
{
    public Task<FeedCursor> HeadAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(CursorOf(_logged));
        }
    }

    public Task<FeedPage> ReadAsync(string workspaceId, string segmentId, FeedCursor after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
        {
            if (after > CursorOf(_logged))
            {
                throw new FeedCursorBeyondHeadException(after, CursorOf(_logged));
            }

            if (!_logBySegment.TryGetValue((workspaceId, segmentId), out var log))
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
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<SegmentFeedChange>>([.. _logBySegment
                .Where(log => log.Key.Workspace == workspaceId)
                .SelectMany(log => log.Value.TakeLast(limit).Select(r => (Segment: log.Key.Segment, Record: r)))
                .OrderByDescending(entry => entry.Record.Position)
                .Take(limit)
                .Select(entry => new SegmentFeedChange(entry.Segment, ToFeedChange(entry.Record)))]);
        }
    }

    public Task<IReadOnlyList<SegmentMember>> PageAsync(string workspaceId, string segmentId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
        {
            if (!_membersBySegment.TryGetValue((workspaceId, segmentId), out var members))
            {
                return Task.FromResult<IReadOnlyList<SegmentMember>>([]);
            }

            return Task.FromResult<IReadOnlyList<SegmentMember>>([.. After(members, afterCustomerId).Take(limit).Select(customer =>
                new SegmentMember(customer, UnixTime.ToDateTimeOffset(_membershipsByCustomer[(workspaceId, customer)][segmentId])))]);
        }
    }

    public Task<SegmentOverlap> OverlapAsync(string workspaceId, IReadOnlyList<string> segmentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segmentIds);
        lock (_lock)
        {
            var sets = segmentIds.Distinct(StringComparer.Ordinal).ToDictionary(
                id => id, id => _membersBySegment.GetValueOrDefault((workspaceId, id)) ?? [], StringComparer.Ordinal);
            var smallest = sets.Values.MinBy(s => s.Count);
            var union = new HashSet<string>(StringComparer.Ordinal);
            foreach (var set in sets.Values)
            {
                union.UnionWith(set);
            }

            long intersection = smallest?.Count(c => sets.Values.All(s => s.Contains(c))) ?? 0;
            return Task.FromResult(new SegmentOverlap(sets.ToDictionary(p => p.Key, p => (long)p.Value.Count, StringComparer.Ordinal), intersection, union.Count));
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
