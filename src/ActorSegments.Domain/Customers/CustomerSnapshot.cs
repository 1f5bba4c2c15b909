using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Customers;

/// <summary>
/// What a customer keeps across activations: its behavioral state, the ids of recent events (so retries apply once),
/// the journal sequence the snapshot includes (later journal entries are replayed on activation) and the version of
/// the segment definitions it last evaluated. Memberships are not part of it: they are read from the journal's
/// committed members on activation, so a snapshot can never disagree with the change log.
/// </summary>
public sealed record CustomerSnapshot(
    CustomerState State,
    RecentEventIds RecentIds,
    long JournalSequence,
    long DefinitionsVersion)
{
    public static CustomerSnapshot Empty() =>
        new(new CustomerState(), new RecentEventIds(), 0, 0);
}
