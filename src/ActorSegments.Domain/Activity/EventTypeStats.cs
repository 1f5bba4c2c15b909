namespace ActorSegments.Domain.Activity;

/// <summary>How often a customer did one type of event, and when first and last (by occurred-at, not arrival).</summary>
public readonly record struct EventTypeStats(long Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)
{
    /// <summary>Counts one more event; a late event can move <see cref="FirstSeen"/> back but never <see cref="LastSeen"/>.</summary>
    public EventTypeStats With(DateTimeOffset occurredAt) => Count == 0
        ? new EventTypeStats(1, occurredAt, occurredAt)
        : new EventTypeStats(
            Count + 1,
            occurredAt < FirstSeen ? occurredAt : FirstSeen,
            occurredAt > LastSeen ? occurredAt : LastSeen);
}
