using ActorSegments.Domain.Experiments;

namespace ActorSegments.Domain.Storage;

/// <summary>
/// Experiment definitions of a workspace. Every change raises the workspace's definitions version (the one segment
/// changes raise), so every silo recompiles the running experiments within a second, as it does segments.
/// </summary>
public interface IExperimentStore
{
    /// <summary>One experiment, or null.</summary>
    Task<StoredExperiment?> FindExperimentAsync(string workspaceId, string experimentId, CancellationToken cancellationToken = default);

    /// <summary>Every experiment of the workspace, by id.</summary>
    Task<IReadOnlyList<StoredExperiment>> ListExperimentsAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates (<paramref name="expectedVersion"/> 0, as a draft) or replaces the definition of the version read
    /// (the status stays); fails with <see cref="ExperimentVersionConflictException"/> when the stored version differs.
    /// </summary>
    Task<StoredExperiment> SaveExperimentAsync(string workspaceId, ExperimentDefinition definition, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the experiment to <paramref name="status"/> at <paramref name="at"/> (the start or stop time), if it is at
    /// <paramref name="expectedVersion"/>; fails with <see cref="ExperimentVersionConflictException"/> otherwise.
    /// </summary>
    Task<StoredExperiment> SetExperimentStatusAsync(string workspaceId, string experimentId, ExperimentStatus status, DateTimeOffset at, int expectedVersion, CancellationToken cancellationToken = default);
}
