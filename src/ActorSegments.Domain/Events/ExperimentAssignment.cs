namespace ActorSegments.Domain.Events;

/// <summary>
/// A customer's assignment to one arm of an experiment, recorded in its journal so a replay restores it. A customer
/// is assigned at most once per experiment: the record's id is <see cref="IdFor"/> of the experiment, so a retried
/// or replayed assignment repeats a stored id and is applied once, and applying a second assignment to the same
/// experiment changes nothing (the first arm is kept for good). Never a feature of a model: point-in-time rebuilds
/// skip it, as they skip model outputs.
/// </summary>
/// <param name="EventId">The record's id: <see cref="IdFor"/> of <paramref name="ExperimentId"/>.</param>
/// <param name="OccurredAt">
/// When the customer was assigned. For an experiment assigned outside (an ESP's send log) it is the time of the
/// ingested assignment event, so outcome windows are measured from the real send, also when analyzed after the fact.
/// </param>
/// <param name="ExperimentId">The experiment (see <see cref="Validation.Identifiers.CheckExperimentId"/>).</param>
/// <param name="Arm">The arm the customer is in, such as <c>control</c> or <c>treatment</c>.</param>
public sealed record ExperimentAssignment(string EventId, DateTimeOffset OccurredAt, string ExperimentId, string Arm) : JournalRecord(EventId, OccurredAt)
{
    /// <summary>
    /// Starts every assignment id. Assignment ids are a space of their own (see
    /// <see cref="Storage.StoredRecordId.IsRepeatedBy"/>), so a client event that happens to carry such an id is still new.
    /// </summary>
    public const string IdPrefix = "$assign:";

    public override JournalRecordKind Kind => JournalRecordKind.ExperimentAssignment;

    /// <summary>The id of a customer's assignment to <paramref name="experimentId"/>: one per customer and experiment.</summary>
    public static string IdFor(string experimentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(experimentId);
        return IdPrefix + experimentId;
    }

    /// <summary>The assignment of a customer to <paramref name="arm"/> of <paramref name="experimentId"/> at <paramref name="assignedAt"/>.</summary>
    public static ExperimentAssignment For(string experimentId, string arm, DateTimeOffset assignedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(arm);
        return new ExperimentAssignment(IdFor(experimentId), assignedAt, experimentId, arm);
    }
}
