using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Experiments;

namespace ActorSegments.Domain.Customers;

/// <summary>
/// What a customer keeps across activations: its behavioral state, an index of the event ids of all its journal entries
/// (so a retry is applied once, however old), the journal sequence the snapshot includes (later journal entries are
/// replayed on activation) and the version of the segment definitions it last evaluated. Memberships are not part of
/// it: they are read from the journal's committed members on activation, so a snapshot can never disagree with the
/// change log. <see cref="EventIds"/> is null for a snapshot written before every id was kept (format 1 kept only the
/// most recent ones): its customer rebuilds from the whole journal instead.
/// </summary>
public sealed record CustomerSnapshot(
    CustomerState State,
    EventIdIndex? EventIds,
    long JournalSequence,
    long DefinitionsVersion)
{
    /// <summary>The customer's experiment participations and outcomes so far (format 3; empty before).</summary>
    public CustomerExperiments Experiments { get; init; } = new();

    public static CustomerSnapshot Empty() =>
        new(new CustomerState(), new EventIdIndex(), 0, 0);
}
