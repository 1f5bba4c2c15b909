using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>Segment counts over the in-memory journal: the size of a segment's member set, always exact.</summary>
public sealed class InMemorySegmentCounts(InMemoryCustomerJournal journal) : ISegmentCounts
{
    public Task<long> CountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        lock (journal.MembershipLock)
        {
            return Task.FromResult(journal.MembersBySegment.TryGetValue((workspaceId, segmentId), out var members) ? (long)members.Count : 0L);
        }
    }

    public Task<long> RecountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default) =>
        CountAsync(workspaceId, segmentId, cancellationToken);
}
