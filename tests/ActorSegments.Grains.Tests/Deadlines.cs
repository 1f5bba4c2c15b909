using ActorSegments.Domain.Segments;
using ActorSegments.Testing;

namespace ActorSegments.Grains.Tests;

/// <summary>Checks that a customer leaves a segment exactly at a deadline, by moving a cluster's clock.</summary>
internal static class Deadlines
{
    /// <summary>Moves the clock to a second before the deadline (no exit), then to it (the exit, dated at the deadline).</summary>
    public static async Task AssertExitsExactlyAtAsync(ClusterFixture fixture, (string Workspace, string Customer) id, long deadline, TimeSpan settle, string segmentId)
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(deadline - fixture.Clock.GetUtcNow().ToUnixTimeSeconds() - 1));
        await Task.Delay(settle, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Changes(fixture, id), c => !c.Entered);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var exit = await Eventually.ReturnsAsync(() => Task.FromResult(Changes(fixture, id).FirstOrDefault(c => !c.Entered)), c => c.SegmentId is not null);

        Assert.Equal(new MembershipChange(segmentId, false, deadline, MembershipCause.Time), exit);
        Assert.Empty(fixture.Journal.Members(id.Workspace, segmentId));
        Assert.Null(fixture.Journal.WakeUp(id.Workspace, id.Customer));
    }

    public static IReadOnlyList<MembershipChange> Changes(ClusterFixture fixture, (string Workspace, string Customer) id) =>
        [.. fixture.Journal.Log.Where(r => r.WorkspaceId == id.Workspace && r.CustomerId == id.Customer).Select(r => r.Change)];
}
