namespace ActorSegments.Domain.Events;

/// <summary>
/// The link of two ids of one workspace into one customer, recorded in both journals under the client's link id:
/// in the previous id's journal it says "from here on an alias of <see cref="CustomerId"/>" (the previous id keeps its
/// journal, so a retried link hands over the same history); in the surviving customer's journal it records that the
/// previous id's history was imported, which makes a retried link a duplicate. Which of the two a record is follows
/// from the journal holding it: the previous id's own journal, or <see cref="CustomerId"/>'s.
/// </summary>
/// <param name="EventId">The client's link id (the rule of an event id); link ids are a space of their own.</param>
/// <param name="OccurredAt">When the link was made (the server's clock).</param>
/// <param name="PreviousId">The id that became an alias (the anonymous id).</param>
/// <param name="CustomerId">The id that survives and holds both histories (the known id).</param>
/// <param name="Aliases">
/// In the surviving customer's journal: how many ids became its aliases through this link (1, plus the aliases the
/// previous id had gathered itself), counted against the alias limit. 0 in the previous id's journal.
/// </param>
public sealed record AliasLink(string EventId, DateTimeOffset OccurredAt, string PreviousId, string CustomerId, int Aliases) : JournalRecord(EventId, OccurredAt)
{
    public override JournalRecordKind Kind => JournalRecordKind.AliasLink;
}
