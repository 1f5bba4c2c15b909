using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Customers;

/// <summary>The records a surviving customer imports for one link, how many are events, and the aliases the link adds.</summary>
public sealed record MergeImport(IReadOnlyList<JournalRecord> Records, int MergedEvents, int Aliases);
