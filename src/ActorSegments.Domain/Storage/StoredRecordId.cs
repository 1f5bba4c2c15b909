using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Storage;

/// <summary>The id of a journal entry and the kind of record it holds, as read back to check a possible duplicate.</summary>
public readonly record struct StoredRecordId(string EventId, JournalRecordKind Kind)
{
    /// <summary>
    /// Whether <paramref name="record"/> repeats this entry. Ids clients send (events and identify calls share one
    /// space) and ids the server writes are separate spaces, one per kind: model outputs (written by the server's jobs
    /// and live scoring, e.g. <c>$score:42</c>) and experiment assignments (<c>$assign:spring_sale</c>). A client's
    /// event that happens to carry the id of a stored model output or assignment is new, and the other way round.
    /// </summary>
    public bool IsRepeatedBy(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return IdSpace(Kind) == IdSpace(record.Kind) && string.Equals(EventId, record.EventId, StringComparison.Ordinal);
    }

    private static JournalRecordKind IdSpace(JournalRecordKind kind) =>
        kind == JournalRecordKind.TraitUpdate ? JournalRecordKind.Behavior : kind;
}
