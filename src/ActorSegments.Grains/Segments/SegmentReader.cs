using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// Reads segments' definitions, live counts and backfill progress from their grains: the one way the API and the
/// console list and look up segments, so both show the same figures.
/// </summary>
public sealed class SegmentReader(ISegmentDefinitionStore store, IGrainFactory grains)
{
    /// <summary>The segment's definition, count and progress; null when it does not exist.</summary>
    public Task<SegmentStats?> FindAsync(string workspaceId, string segmentId) =>
        grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(workspaceId, segmentId)).GetStatsAsync();

    /// <summary>Every segment of the workspace, in ordinal order of id (one grain call each, made at once).</summary>
    public async Task<IReadOnlyList<SegmentStats>> ListAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        var workspace = await store.LoadAsync(workspaceId, cancellationToken);
        var stats = await Task.WhenAll(workspace.Segments.Select(s => FindAsync(workspaceId, s.SegmentId)));
        return [.. stats.OfType<SegmentStats>().OrderBy(s => s.SegmentId, StringComparer.Ordinal)];
    }
}
