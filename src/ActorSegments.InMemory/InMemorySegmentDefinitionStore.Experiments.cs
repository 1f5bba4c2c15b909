using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>Experiment definitions in memory, raising the workspace's definitions version as PostgreSQL does.</summary>
public sealed partial class InMemorySegmentDefinitionStore : IExperimentStore
{
    private readonly Dictionary<(string Workspace, string Experiment), StoredExperiment> _experiments = [];

    public Task<StoredExperiment?> FindExperimentAsync(string workspaceId, string experimentId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_experiments.GetValueOrDefault((workspaceId, experimentId)));
        }
    }

    public Task<IReadOnlyList<StoredExperiment>> ListExperimentsAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<StoredExperiment>>([.. _experiments.Where(e => e.Key.Workspace == workspaceId).Select(e => e.Value).OrderBy(e => e.Id, StringComparer.Ordinal)]);
        }
    }

    public Task<StoredExperiment> SaveExperimentAsync(string workspaceId, ExperimentDefinition definition, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_lock)
        {
            var held = _experiments.GetValueOrDefault((workspaceId, definition.Id));
            if ((held?.Version ?? 0) != expectedVersion)
            {
                return Task.FromException<StoredExperiment>(new ExperimentVersionConflictException(definition.Id, held?.Version ?? 0));
            }

            var saved = held is null
                ? new StoredExperiment(definition, ExperimentStatus.Draft, 1, clock.GetUtcNow(), null, null)
                : held with { Definition = definition, Version = held.Version + 1 };
            return Task.FromResult(Store(workspaceId, saved));
        }
    }

    public Task<StoredExperiment> SetExperimentStatusAsync(string workspaceId, string experimentId, ExperimentStatus status, DateTimeOffset at, int expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var held = _experiments.GetValueOrDefault((workspaceId, experimentId));
            if (held is null || held.Version != expectedVersion)
            {
                return Task.FromException<StoredExperiment>(new ExperimentVersionConflictException(experimentId, held?.Version ?? 0));
            }

            var saved = held with
            {
                Status = status,
                Version = held.Version + 1,
                StartedAt = status == ExperimentStatus.Running ? at : held.StartedAt,
                StoppedAt = status == ExperimentStatus.Stopped ? at : held.StoppedAt,
            };
            return Task.FromResult(Store(workspaceId, saved));
        }
    }

    private StoredExperiment Store(string workspaceId, StoredExperiment experiment)
    {
        _experiments[(workspaceId, experiment.Id)] = experiment;
        var ws = Workspace(workspaceId);
        _workspaces[workspaceId] = (ws.Version + 1, ws.Segments);
        return experiment;
    }

    private IReadOnlyList<StoredExperiment> RunningExperiments(string workspaceId) =>
        [.. _experiments.Where(e => e.Key.Workspace == workspaceId && e.Value.Status == ExperimentStatus.Running).Select(e => e.Value).OrderBy(e => e.Id, StringComparer.Ordinal)];
}
