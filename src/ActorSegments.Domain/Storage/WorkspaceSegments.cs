namespace ActorSegments.Domain.Storage;

/// <summary>
/// A workspace's schema and segment definitions and their version: the version rises with every schema change and
/// every create, edit and delete of a segment, so a silo can tell with one small read whether its compiled copy is
/// current.
/// </summary>
public sealed record WorkspaceSegments(long Version, IReadOnlyList<StoredSegment> Segments)
{
    public static WorkspaceSegments Empty { get; } = new(0, []);

    /// <summary>The workspace's schema document (<see cref="Schema.WorkspaceSchemaJson"/>), or null for the built-in commerce schema.</summary>
    public string? SchemaJson { get; init; }

    /// <summary>The workspace's running experiments, read in the same snapshot as the segments (their changes raise the same version).</summary>
    public IReadOnlyList<StoredExperiment> RunningExperiments { get; init; } = [];
}
