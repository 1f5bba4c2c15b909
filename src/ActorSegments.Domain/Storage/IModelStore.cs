using ActorSegments.Domain.Modeling;

namespace ActorSegments.Domain.Storage;

/// <summary>Trained model versions and their metrics.</summary>
public interface IModelStore
{
    /// <summary>Stores a new version of the named model; returns it with its assigned version number.</summary>
    Task<ModelVersion> AddAsync(string workspaceId, string name, string kind, string metricsJson, byte[] payload, ScoreDistribution? distribution, CancellationToken cancellationToken = default);

    /// <summary>The newest version of the named model, or null.</summary>
    Task<ModelVersion?> LatestAsync(string workspaceId, string name, CancellationToken cancellationToken = default);

    /// <summary>Every version of every model of the workspace, without payloads (empty arrays), newest first.</summary>
    Task<IReadOnlyList<ModelVersion>> ListAsync(string workspaceId, CancellationToken cancellationToken = default);
}
