namespace ActorSegments.Domain.Storage;

/// <summary>
/// A workspace's segment definitions and their version: the version rises with every create, edit and delete, so
/// a silo can tell with one small read whether its compiled copy is current.
/// </summary>
public sealed record WorkspaceSegments(long Version, IReadOnlyList<StoredSegment> Segments)
{
    public static WorkspaceSegments Empty { get; } = new(0, []);
}
