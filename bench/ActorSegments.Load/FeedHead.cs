namespace ActorSegments.Load;

/// <summary>
/// The head of a segment's change feed as the API shows it: a reader that pages ListChanges until a short page each
/// time it is asked, remembering when each change was logged, so a follower's distance from the head can be given in
/// changes and in seconds.
/// </summary>
internal sealed class FeedHead(LoadConnection connection, string workspace, string segment)
{
    private readonly ChangePages _pages = new(connection, workspace, segment);

    // logged_at, not changed_at: changed_at is the customer's clock in whole seconds; logged_at is the commit time
    // (on PostgreSQL the journal transaction's start, in microseconds).
    private readonly List<DateTime> _loggedAt = [];

    /// <summary>Changes in the feed when it was last read.</summary>
    public long Count => _loggedAt.Count;

    public Task ReadAsync(CancellationToken cancellationToken) =>
        _pages.ToHeadAsync(change => _loggedAt.Add(change.LoggedAt.ToDateTime()), cancellationToken);

    /// <summary>
    /// How far a follower that has received <paramref name="received"/> changes is behind the head at
    /// <paramref name="now"/>: the changes it has not received, and how long ago the oldest of them was logged.
    /// </summary>
    public LagSample LagOf(long received, DateTime now) =>
        received >= Count ? new LagSample(0, 0) : new LagSample(Count - received, Math.Max(0, (now - _loggedAt[(int)received]).TotalSeconds));
}
