using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>Segment definitions kept in process memory (dev mode and tests), with the same versioning as PostgreSQL.</summary>
public sealed partial class InMemorySegmentDefinitionStore(TimeProvider clock) : ISegmentDefinitionStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Version, Dictionary<string, StoredSegment> Segments)> _workspaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Workspace, string Segment), List<SegmentVersion>> _versions = [];

    public Task<WorkspaceSegments> LoadAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_workspaces.TryGetValue(workspaceId, out var ws)
                ? new WorkspaceSegments(ws.Version, [.. ws.Segments.Values.OrderBy(s => s.SegmentId, StringComparer.Ordinal)])
                {
                    SchemaJson = _schemas.GetValueOrDefault(workspaceId),
                    RunningExperiments = RunningExperiments(workspaceId),
                }
                : WorkspaceSegments.Empty);
        }
    }

    public Task<StoredSegment?> FindAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_workspaces.TryGetValue(workspaceId, out var ws) ? ws.Segments.GetValueOrDefault(segmentId) : null);
        }
    }

    public Task<long> VersionAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_workspaces.TryGetValue(workspaceId, out var ws) ? ws.Version : 0);
        }
    }

    public Task<StoredSegment> SaveAsync(string workspaceId, string segmentId, string rule, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var ws = Workspace(workspaceId);
            var current = ws.Segments.TryGetValue(segmentId, out var existing) ? existing.Version : 0;
            if (expectedVersion is { } expected && expected != current)
            {
                return Task.FromException<StoredSegment>(new SegmentVersionConflictException($"Segment '{segmentId}' is at version {current}, not {expected}.") { ActualVersion = current });
            }

            var saved = new StoredSegment(segmentId, rule, current + 1, SegmentStatus.Pending, 0, 0, clock.GetUtcNow());
            ws.Segments[segmentId] = saved;
            Versions(workspaceId, segmentId).Insert(0, new SegmentVersion(saved.Version, rule, saved.UpdatedAt));
            _workspaces[workspaceId] = (ws.Version + 1, ws.Segments);
            return Task.FromResult(saved);
        }
    }

    public Task<long> SaveSchemaAsync(string workspaceId, string schemaJson, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var ws = Workspace(workspaceId);
            _schemas[workspaceId] = schemaJson;
            _workspaces[workspaceId] = (ws.Version + 1, ws.Segments);
            return Task.FromResult(ws.Version + 1);
        }
    }

    public Task<IReadOnlyList<SegmentVersion>> ListVersionsAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<SegmentVersion>>(_versions.TryGetValue((workspaceId, segmentId), out var versions) ? [.. versions] : []);
        }
    }

    /// <summary>A segment's versions, newest first, created when missing (under the lock).</summary>
    private List<SegmentVersion> Versions(string workspaceId, string segmentId)
    {
        if (!_versions.TryGetValue((workspaceId, segmentId), out var versions))
        {
            _versions[(workspaceId, segmentId)] = versions = [];
        }

        return versions;
    }

    public Task<bool> DeleteAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var ws = Workspace(workspaceId);
            if (!ws.Segments.Remove(segmentId))
            {
                return Task.FromResult(false);
            }

            _versions.Remove((workspaceId, segmentId));

            _workspaces[workspaceId] = (ws.Version + 1, ws.Segments);
            return Task.FromResult(true);
        }
    }

    public Task SetProgressAsync(string workspaceId, string segmentId, int version, SegmentStatus status, long done, long total, string? after, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var ws = Workspace(workspaceId);
            if (ws.Segments.TryGetValue(segmentId, out var segment) && segment.Version == version)
            {
                ws.Segments[segmentId] = segment with { Status = status, BackfillDone = done, BackfillTotal = total, BackfillAfter = after };
            }

            return Task.CompletedTask;
        }
    }

    private (long Version, Dictionary<string, StoredSegment> Segments) Workspace(string workspaceId) =>
        _workspaces.TryGetValue(workspaceId, out var ws) ? ws : (0, new Dictionary<string, StoredSegment>(StringComparer.Ordinal));
}
