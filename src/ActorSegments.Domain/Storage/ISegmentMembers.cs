namespace ActorSegments.Domain.Storage;

/// <summary>The committed members of segments, paged by customer id, and how segments overlap.</summary>
public interface ISegmentMembers
{
    /// <summary>
    /// Up to <paramref name="limit"/> members after <paramref name="afterCustomerId"/> (null: from the start), in
    /// ordinal order of customer id. Keyset paging: a customer that stays a member while the pages are read appears
    /// exactly once, whatever else enters or leaves meanwhile.
    /// </summary>
    Task<IReadOnlyList<SegmentMember>> PageAsync(string workspaceId, string segmentId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Member counts of each segment, of all of them at once (intersection) and of any of them (union).</summary>
    Task<SegmentOverlap> OverlapAsync(string workspaceId, IReadOnlyList<string> segmentIds, CancellationToken cancellationToken = default);
}

public sealed record SegmentMember(string CustomerId, DateTimeOffset Since);

public sealed record SegmentOverlap(IReadOnlyDictionary<string, long> Sizes, long Intersection, long Union)
{
    /// <summary>Intersection over union; 0 when no segment has members.</summary>
    public double Jaccard => Union == 0 ? 0 : (double)Intersection / Union;
}
