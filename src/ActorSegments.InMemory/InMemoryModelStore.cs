using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>Model versions in process memory (dev mode and tests): versions 1, 2, 3, ... per model, payloads copied in.</summary>
public sealed class InMemoryModelStore(TimeProvider clock) : IModelStore
{
    private readonly Lock _lock = new();
    private readonly List<ModelVersion> _versions = [];

    public InMemoryModelStore()
        : this(TimeProvider.System)
    {
    }

    public Task<ModelVersion> AddAsync(string workspaceId, string name, string kind, string metricsJson, byte[] payload, ScoreDistribution? distribution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        lock (_lock)
        {
            var version = _versions.Where(v => IsModel(v, workspaceId, name)).Select(v => v.Version).DefaultIfEmpty(0).Max() + 1;
            var added = new ModelVersion(workspaceId, name, version, kind, clock.GetUtcNow(), metricsJson, [.. payload], distribution);
            _versions.Add(added);
            return Task.FromResult(added);
        }
    }

    public Task<ModelVersion?> LatestAsync(string workspaceId, string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var latest = _versions.Where(v => IsModel(v, workspaceId, name)).MaxBy(v => v.Version);
            return Task.FromResult(latest is null ? null : latest with { Payload = [.. latest.Payload] });
        }
    }

    public Task<IReadOnlyList<ModelVersion>> ListAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ModelVersion>>([.. _versions
                .Where(v => v.WorkspaceId == workspaceId)
                .OrderByDescending(v => v.CreatedAt).ThenBy(v => v.Name, StringComparer.Ordinal).ThenByDescending(v => v.Version)
                .Select(v => v with { Payload = [], Distribution = null })]);
        }
    }

    private static bool IsModel(ModelVersion version, string workspaceId, string name) =>
        version.WorkspaceId == workspaceId && version.Name == name;
}
