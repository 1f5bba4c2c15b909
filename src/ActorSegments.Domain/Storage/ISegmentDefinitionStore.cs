namespace ActorSegments.Domain.Storage;

/// <summary>Workspace schemas and segment definitions, versioned per workspace.</summary>
public interface ISegmentDefinitionStore
{
    Task<WorkspaceSegments> LoadAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>One segment's definition and progress, or null when it does not exist.</summary>
    Task<StoredSegment?> FindAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default);

    /// <summary>The workspace's definitions version (0 when it has none): a cheap check before a full load.</summary>
    Task<long> VersionAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces a segment's rule (the caller has validated it) and marks it pending. With
    /// <paramref name="expectedVersion"/>, fails with <see cref="SegmentVersionConflictException"/> unless the stored
    /// version matches (0: must not exist yet).
    /// </summary>
    Task<StoredSegment> SaveAsync(string workspaceId, string segmentId, string rule, int? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Replaces the workspace's schema document (the caller has checked it) and returns the new version.</summary>
    Task<long> SaveSchemaAsync(string workspaceId, string schemaJson, CancellationToken cancellationToken = default);

    /// <summary>Every saved version of a segment's rule, newest first (empty when the segment does not exist).</summary>
    Task<IReadOnlyList<SegmentVersion>> ListVersionsAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a segment and its versions; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default);

    /// <summary>Records backfill progress of one version of a segment (ignored when the segment moved on to a newer version).</summary>
    Task SetProgressAsync(string workspaceId, string segmentId, int version, SegmentStatus status, long done, long total, string? after, CancellationToken cancellationToken = default);
}
