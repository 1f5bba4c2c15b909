using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Cluster.Tests.Ingest;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using ActorSegments.Testing.Webhooks;

namespace ActorSegments.Cluster.Tests.Verification;

/// <summary>
/// Checks what a receiver got from a destination for every segment against the change feed, the truth: each
/// segment's changes from the start of the feed (the destination was created before the first event), all of them,
/// first received in feed order, every message signed, and a message sent again (at least once) under the same id
/// with the same body.
/// </summary>
internal sealed class WebhookFeedCheck(ApiClients client, Workload workload, WebhookReceiver receiver, CancellationToken cancellationToken)
{
    /// <summary>The workload's segments and the failover experiment's: every segment of the workspace.</summary>
    public IReadOnlyList<string> SegmentIds { get; } =
        [.. workload.Segments.Select(s => s.Id), $"exp-{FailoverExperiment.Id}", .. FailoverExperiment.Arms.Select(a => $"exp-{FailoverExperiment.Id}-{a}")];

    /// <summary>Waits (the bound only stops a broken run) until the receiver has every change of the feed, then checks all of it.</summary>
    public async Task AllDeliveredAsync(TimeSpan within)
    {
        var (feed, received) = await Eventually.ReturnsAsync(
            async () => (Feed: await FeedAsync(), Received: receiver.DistinctChanges()),
            r => SegmentIds.All(s => Expected(r.Feed, s).SequenceEqual(Actual(r.Received, s))),
            within);

        Assert.Equal(0, receiver.InvalidSignatures);
        Assert.True(feed.Values.Sum(f => f.Count) > 0, "the workload changed memberships");
        Assert.Subset(SegmentIds.ToHashSet(StringComparer.Ordinal), received.Select(r => r.Segment).ToHashSet(StringComparer.Ordinal));
        foreach (var segment in SegmentIds)
        {
            // None lost, none invented, and the order of first receipt is the feed's, change for change.
            Assert.Equal(Expected(feed, segment), Actual(received, segment));
        }

        Assert.All(receiver.Accepted.GroupBy(m => m.Id), g => Assert.Single(g.Select(m => m.Body).Distinct(StringComparer.Ordinal)));
    }

    private static IEnumerable<(string Cursor, string CustomerId, bool Entered)> Expected(Dictionary<string, List<MembershipChange>> feed, string segment) =>
        feed[segment].Select(c => (c.Cursor, c.CustomerId, c.Entered));

    private static IEnumerable<(string Cursor, string CustomerId, bool Entered)> Actual(List<ReceivedChange> received, string segment) =>
        received.Where(r => r.Segment == segment).Select(r => (r.Cursor, r.CustomerId, r.Entered));

    /// <summary>Every change of each segment, oldest first, paged with ListChanges from the start of the feed.</summary>
    private async Task<Dictionary<string, List<MembershipChange>>> FeedAsync()
    {
        var feed = new Dictionary<string, List<MembershipChange>>(StringComparer.Ordinal);
        foreach (var segment in SegmentIds)
        {
            var changes = new List<MembershipChange>();
            for (var cursor = string.Empty; ;)
            {
                var page = await Retrying.CallAsync(
                    o => client.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = workload.WorkspaceId, SegmentId = segment, Cursor = cursor, PageSize = 1000 }, o),
                    cancellationToken);
                changes.AddRange(page.Changes);
                if (page.Changes.Count == 0)
                {
                    break;
                }

                cursor = page.NextCursor;
            }

            feed[segment] = changes;
        }

        return feed;
    }
}
