using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Tests.Webhooks;

/// <summary>A membership feed of changes a test lists up front: one per cursor (n, 1), all committed before the head.</summary>
internal sealed class ListedFeed : IMembershipFeed
{
    private readonly List<(string SegmentId, FeedChange Change)> _changes = [];

    public void Add(string segmentId, int count, DateTimeOffset loggedAt)
    {
        lock (_changes)
        {
            for (var i = 0; i < count; i++)
            {
                var cursor = new FeedCursor((ulong)_changes.Count + 1, 1);
                _changes.Add((segmentId, new FeedChange(cursor, $"customer-{_changes.Count}", Entered: true, loggedAt, MembershipCause.Event, loggedAt)));
            }
        }
    }

    public Task<FeedCursor> HeadAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_changes)
        {
            return Task.FromResult(new FeedCursor((ulong)_changes.Count + 1, 0));
        }
    }

    public Task<FeedPage> ReadAsync(string workspaceId, string segmentId, FeedCursor after, int limit, CancellationToken cancellationToken = default)
    {
        lock (_changes)
        {
            var page = _changes.Where(c => c.SegmentId == segmentId && c.Change.Cursor > after).Take(limit).Select(c => c.Change).ToList();
            return Task.FromResult(new FeedPage(page, page.Count > 0 ? page[^1].Cursor : after));
        }
    }

    public Task<IReadOnlyList<SegmentFeedChange>> LatestAsync(string workspaceId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_changes)
        {
            return Task.FromResult<IReadOnlyList<SegmentFeedChange>>([.. _changes.AsEnumerable().Reverse().Take(limit).Select(c => new SegmentFeedChange(c.SegmentId, c.Change))]);
        }
    }
}
