namespace ActorSegments.Domain.Events;

/// <summary>
/// One record of a customer's journal: a behavioral event (<see cref="CustomerEvent"/>), a trait update
/// (<see cref="TraitUpdate"/>), a model output (<see cref="ModelOutput"/>) or an experiment assignment
/// (<see cref="ExperimentAssignment"/>). Every kind is stored, deduplicated by its id and replayed in journal order the
/// same way; what applying one means depends on its kind, which readers tell apart by its type.
/// </summary>
/// <param name="EventId">
/// The record's id, chosen by whoever sent it (the event id, the identify call's update id, the model job's output id,
/// <see cref="ExperimentAssignment.IdFor"/> of the experiment): a record whose id the customer recorded before is a
/// retry and is applied once.
/// </param>
/// <param name="OccurredAt">
/// When it happened (UTC): the event's time, the identify call's time, the model's run, the assignment's time.
/// </param>
public abstract record JournalRecord(string EventId, DateTimeOffset OccurredAt)
{
    public abstract JournalRecordKind Kind { get; }
}
