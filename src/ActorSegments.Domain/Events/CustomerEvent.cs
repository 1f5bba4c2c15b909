namespace ActorSegments.Domain.Events;

/// <summary>
/// One behavioral event of one customer, as applied to that customer's state. The workspace and customer are the
/// identity of the state it is applied to, so they are not repeated here.
/// </summary>
/// <param name="EventId">Client-chosen id; a retried event carries the same id and is applied once.</param>
/// <param name="Type">Snake-case event type, e.g. <c>product_viewed</c>.</param>
/// <param name="OccurredAt">When it happened (UTC); events are applied at this time, not at arrival.</param>
/// <param name="Properties">Scalar properties such as <c>category</c> or <c>revenue</c>.</param>
public sealed record CustomerEvent(
    string EventId,
    string Type,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, PropertyValue> Properties) : JournalRecord(EventId, OccurredAt)
{
    public override JournalRecordKind Kind => JournalRecordKind.Behavior;

    public static IReadOnlyDictionary<string, PropertyValue> NoProperties { get; } = new Dictionary<string, PropertyValue>();
}
