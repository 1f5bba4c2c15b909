namespace ActorSegments.Domain.Storage;

/// <summary>Member counts of segments, kept by the journal in the same commits as the members themselves.</summary>
public interface ISegmentCounts
{
    Task<long> CountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default);

    /// <summary>Counts the members afresh, stores the result as the live count and returns it.</summary>
    Task<long> RecountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default);
}
