using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Segments;

namespace ActorSegments.Domain.Storage;

/// <summary>
/// Everything one customer hands to the journal for one request, committed atomically: the events it applied, the
/// membership changes they (or time) caused, the customer's next wake-up when it moved (null: unchanged;
/// <see cref="Time.UnixTime.Never"/>: none), which lets idle customers be woken at their deadlines without staying
/// active, every so often a snapshot of the state as of the commit's last entry (null: none this time), and what its
/// experiment participations add to their arms' totals (none by default).
/// </summary>
public sealed record CustomerCommit(
    string WorkspaceId,
    string CustomerId,
    IReadOnlyList<JournalEntry> Entries,
    IReadOnlyList<MembershipChange> Changes,
    long? WakeUpAt,
    StoredSnapshot? Snapshot = null,
    IReadOnlyList<OutcomeDelta>? Outcomes = null)
{
    /// <summary>The experiment deltas, never null.</summary>
    public IReadOnlyList<OutcomeDelta> OutcomeDeltas => Outcomes ?? [];
}
