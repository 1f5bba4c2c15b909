using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Customers;

/// <summary>
/// What a customer keeps across activations: its behavioral state, segment memberships with their entry times, the
/// ids of recent events (so retries apply once), the journal sequence the snapshot includes (later journal entries
/// are replayed on activation) and the version of the segment definitions its memberships were computed with.
/// </summary>
public sealed record CustomerSnapshot(
    CustomerState State,
    IReadOnlyDictionary<string, long> Members,
    RecentEventIds RecentIds,
    long JournalSequence,
    long DefinitionsVersion)
{
    public static CustomerSnapshot Empty() =>
        new(new CustomerState(), new Dictionary<string, long>(StringComparer.Ordinal), new RecentEventIds(), 0, 0);
}
