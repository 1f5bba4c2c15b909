using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Segments;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// A workspace's segment definitions and running experiments compiled against its behavior model, at one definitions
/// version.
/// </summary>
public sealed record CompiledWorkspace(string WorkspaceId, long Version, BehaviorModel Model, SegmentSet Segments)
{
    public ExperimentSet Experiments { get; init; } = ExperimentSet.Empty;
}
