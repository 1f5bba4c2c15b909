using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Customers;

/// <summary>
/// The one way a customer's state is rebuilt from what the journal stores: its snapshot, then the entries after it
/// replayed exactly as they were applied. Activation and every bulk reader (the backfill screen, cohort pushes) go
/// through it, so they can never disagree about a customer.
/// </summary>
public static class CustomerRebuild
{
    /// <summary>
    /// The customer as of its last journal entry (memberships are not part of it: see <see cref="CustomerRecord.Members"/>),
    /// its experiment outcomes replayed for the <paramref name="experiments"/> running now (none when null).
    /// </summary>
    public static CustomerSnapshot From(CustomerRecord record, BehaviorModel model, ExperimentSet? experiments = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(model);
        var snapshot = record.Snapshot is { } stored
            ? CustomerSnapshotCodec.Deserialize(stored.Body, model.Tiers)
            : CustomerSnapshot.Empty();
        var ids = snapshot.EventIds
            ?? throw new InvalidDataException("The stored snapshot predates exact event ids (format 1); the journal never stores one.");
        if (record.Snapshot is { } written && written.Sequence != snapshot.JournalSequence)
        {
            throw new InvalidDataException($"The snapshot stored at sequence {written.Sequence} holds sequence {snapshot.JournalSequence}.");
        }

        var state = snapshot.State;
        var sequence = snapshot.JournalSequence;
        var applied = new List<ChangeSet>();
        var measured = snapshot.Experiments;
        var counted = new List<OutcomeDelta>(); // already in the arms' totals: the commits that wrote them are replayed
        foreach (var entry in record.Entries)
        {
            if (entry.Sequence != sequence + 1)
            {
                throw new InvalidDataException($"Journal entry {entry.Sequence} follows sequence {sequence}; the record has a gap.");
            }

            ids.Add(entry.Record.EventId, entry.Sequence);
            sequence = entry.Sequence;
            applied.Clear();
            state.ApplyRecorded(entry.Record, model, entry.AppliedAt, applied);
            if (experiments is { Count: > 0 })
            {
                measured.Record(entry.Record, experiments, model, counted);
                counted.Clear();
            }
        }

        return snapshot with { JournalSequence = sequence };
    }
}
