using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Storage;

/// <summary>
/// One applied record as the journal holds it: the customer's own sequence number (1, 2, 3, ...; unique per customer,
/// so a second writer for the same customer cannot commit), the customer's clock when it was applied (Unix seconds,
/// so a replay applies it exactly as it was applied) and the record (an event, a trait update or a model output).
/// </summary>
public sealed record JournalEntry(long Sequence, long AppliedAt, JournalRecord Record);
