namespace ActorSegments.Workload;

/// <summary>
/// One row of the server's journal table (<c>customer_journal</c>, migration 0005), in its column order;
/// <see cref="Body"/> is the event already encoded as the server encodes it, so that a copy of these rows writes the
/// same bytes the server would.
/// </summary>
public sealed record JournalRow(
    string WorkspaceId,
    string CustomerId,
    long Sequence,
    long AppliedAt,
    string EventId,
    string EventType,
    DateTimeOffset OccurredAt,
    byte[] Body);
