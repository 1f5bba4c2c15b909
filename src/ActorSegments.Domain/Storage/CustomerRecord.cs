namespace ActorSegments.Domain.Storage;

/// <summary>
/// What the journal holds for one customer beyond a snapshot: the entries after the snapshot's sequence, the
/// segments the customer is durably in (with entry times), and its stored wake-up. Activation rebuilds the state
/// from the entries and starts memberships from <see cref="Members"/>, the committed truth.
/// </summary>
public sealed record CustomerRecord(IReadOnlyList<JournalEntry> Entries, IReadOnlyDictionary<string, long> Members, long? WakeUpAt);
