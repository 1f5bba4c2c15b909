using ActorSegments.Domain.Experiments;

namespace ActorSegments.Domain.Storage;

/// <summary>An experiment as stored: its definition, status, version (1 on creation, +1 per change) and times.</summary>
public sealed record StoredExperiment(
    ExperimentDefinition Definition,
    ExperimentStatus Status,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt)
{
    public string Id => Definition.Id;
}
