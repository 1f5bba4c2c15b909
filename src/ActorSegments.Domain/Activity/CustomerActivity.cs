using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Activity;

/// <summary>
/// What one customer has done: per event type, how many times and when first and last. Events are applied at their
/// occurred-at time, so late and out-of-order events land where they belong; a retried event id is applied once.
/// </summary>
public sealed class CustomerActivity
{
    private readonly Dictionary<string, EventTypeStats> _byType;

    public CustomerActivity(int recentIdCapacity = RecentEventIds.DefaultCapacity)
        : this(new Dictionary<string, EventTypeStats>(StringComparer.Ordinal), new RecentEventIds(recentIdCapacity))
    {
    }

    internal CustomerActivity(Dictionary<string, EventTypeStats> byType, RecentEventIds recentIds)
    {
        _byType = byType;
        RecentIds = recentIds;
        TotalEvents = byType.Values.Sum(s => s.Count);
    }

    public IReadOnlyDictionary<string, EventTypeStats> EventTypes => _byType;

    public long TotalEvents { get; private set; }

    public RecentEventIds RecentIds { get; }

    public bool IsEmpty => TotalEvents == 0;

    public ApplyOutcome Apply(CustomerEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (!RecentIds.Add(evt.EventId))
        {
            return ApplyOutcome.Duplicate;
        }

        _byType[evt.Type] = _byType.GetValueOrDefault(evt.Type).With(evt.OccurredAt);
        TotalEvents++;
        return ApplyOutcome.Applied;
    }
}
