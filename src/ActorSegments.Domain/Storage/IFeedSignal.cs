namespace ActorSegments.Domain.Storage;

/// <summary>
/// Wakes readers of the membership feed (<see cref="IMembershipFeed"/>) when a workspace's changes may have been
/// committed, so a live tail does not have to poll. A signal is a hint, not a delivery: take <see cref="NextSignal"/>
/// before reading the feed, read, and await it only when the read found nothing new.
/// </summary>
public interface IFeedSignal
{
    /// <summary>A task that completes at the first signal for <paramref name="workspaceId"/> after this call.</summary>
    Task NextSignal(string workspaceId);
}
