using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.InMemory;

/// <summary>Segment members over the in-memory journal: pages of a segment's members and overlaps, under its membership lock.</summary>
public sealed class InMemorySegmentMembers(InMemoryCustomerJournal journal) : ISegmentMembers
{
    public Task<IReadOnlyList<SegmentMember>> PageAsync(string workspaceId, string segmentId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (journal.MembershipLock)
        {
            if (!journal.MembersBySegment.TryGetValue((workspaceId, segmentId), out var members))
            {
                return Task.FromResult<IReadOnlyList<SegmentMember>>([]);
            }

            return Task.FromResult<IReadOnlyList<SegmentMember>>([.. InMemoryCustomerJournal.After(members, afterCustomerId).Take(limit).Select(customer =>
                new SegmentMember(customer, UnixTime.ToDateTimeOffset(journal.MembershipsByCustomer[(workspaceId, customer)][segmentId])))]);
        }
    }

    public Task<SegmentOverlap> OverlapAsync(string workspaceId, IReadOnlyList<string> segmentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segmentIds);
        lock (journal.MembershipLock)
        {
            var sets = segmentIds.Distinct(StringComparer.Ordinal).ToDictionary(
                id => id, id => journal.MembersBySegment.GetValueOrDefault((workspaceId, id)) ?? [], StringComparer.Ordinal);
            var smallest = sets.Values.MinBy(s => s.Count);
            var union = new HashSet<string>(StringComparer.Ordinal);
            foreach (var set in sets.Values)
            {
                union.UnionWith(set);
            }

            long intersection = smallest?.Count(c => sets.Values.All(s => s.Contains(c))) ?? 0;
            return Task.FromResult(new SegmentOverlap(sets.ToDictionary(p => p.Key, p => (long)p.Value.Count, StringComparer.Ordinal), intersection, union.Count));
        }
    }
}
