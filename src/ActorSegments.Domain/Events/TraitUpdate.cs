using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Events;

/// <summary>
/// Traits set or removed by one identify call: each trait's new typed value, or null where the trait is removed.
/// </summary>
/// <remarks>
/// The traits are held in ordinal order of their names (a name given twice keeps its last value), so applying and
/// replaying an update report its changes in the same order whatever order they were sent in.
/// </remarks>
public sealed record TraitUpdate : JournalRecord
{
    public TraitUpdate(string eventId, DateTimeOffset occurredAt, IEnumerable<KeyValuePair<string, TraitValue?>> traits)
        : base(eventId, occurredAt)
    {
        ArgumentNullException.ThrowIfNull(traits);
        var items = traits.ToArray();
        foreach (var (name, _) in items)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(traits));
        }

        // Decoded updates arrive in order already; checking is cheaper than sorting.
        Traits = InOrder(items) ? items : [.. items.GroupBy(t => t.Key, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(t => t.Key, StringComparer.Ordinal)];
    }

    public override JournalRecordKind Kind => JournalRecordKind.TraitUpdate;

    /// <summary>Each trait's new value (null: removed), in ordinal order of the names.</summary>
    public IReadOnlyList<KeyValuePair<string, TraitValue?>> Traits { get; }

    public bool Equals(TraitUpdate? other) =>
        other is not null && EventId == other.EventId && OccurredAt == other.OccurredAt && Traits.SequenceEqual(other.Traits);

    public override int GetHashCode() => HashCode.Combine(EventId, OccurredAt, Traits.Count);

    /// <summary>Names strictly ascending: sorted, and none given twice.</summary>
    private static bool InOrder(KeyValuePair<string, TraitValue?>[] items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (string.CompareOrdinal(items[i - 1].Key, items[i].Key) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
