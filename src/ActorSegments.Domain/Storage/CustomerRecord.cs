namespace ActorSegments.Domain.Storage;

/// <summary>
/// Everything the journal holds for one customer, read consistently in one statement: its latest snapshot (null:
/// none yet), the entries after the snapshot's sequence (in order), the segments the customer is durably in (with entry
/// times) and its stored wake-up. Activation and bulk readers rebuild the state with
/// <see cref="Customers.CustomerRebuild"/> and start memberships from <see cref="Members"/>, the committed truth.
/// <see cref="Suppressed"/> says the id is on the erasure suppression list (docs/privacy.md): read with the rest, so a
/// new customer's activation costs no second round trip.
/// </summary>
public sealed record CustomerRecord(
    IReadOnlyList<JournalEntry> Entries,
    IReadOnlyDictionary<string, long> Members,
    long? WakeUpAt,
    StoredSnapshot? Snapshot = null,
    bool Suppressed = false)
{
    /// <summary>The record of a customer the journal has never seen.</summary>
    public static CustomerRecord None { get; } = new([], new Dictionary<string, long>(StringComparer.Ordinal), null);

    /// <summary>Nothing at all is stored for the customer.</summary>
    public bool IsEmpty => Snapshot is null && Entries.Count == 0 && Members.Count == 0 && WakeUpAt is null;
}
