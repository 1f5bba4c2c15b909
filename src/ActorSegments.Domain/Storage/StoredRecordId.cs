using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Storage;

/// <summary>The id of a journal entry and the kind of record it holds, as read back to check a possible duplicate.</summary>
public readonly record struct StoredRecordId(string EventId, JournalRecordKind Kind)
{
    /// <summary>
    /// Whether <paramref name="record"/> repeats this entry. Ids of model outputs (written by the server's jobs and
    /// live scoring, e.g. <c>$score:42</c>) and ids clients send (events, identify calls) are separate spaces: a
    /// client's event that happens to carry the id of a stored model output is new, and the other way round.
    /// </summary>
    public bool IsRepeatedBy(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (Kind == JournalRecordKind.ModelOutput) == (record.Kind == JournalRecordKind.ModelOutput) &&
            string.Equals(EventId, record.EventId, StringComparison.Ordinal);
    }
}
