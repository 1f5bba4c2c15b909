using System.Collections.Concurrent;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// The silo's compiled segment definitions, per workspace. Customers ask it on every call; it answers from memory
/// and, at most once per <see cref="RefreshInterval"/> per workspace, checks the stored version (one small read)
/// and recompiles when definitions changed on any silo. So every silo picks up a change within about a second,
/// without a restart and without a broadcast.
/// </summary>
public sealed class SegmentCatalog(ISegmentDefinitionStore store)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    // Refreshing is housekeeping on the wall clock, whatever clock customers evaluate rules with.
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly ConcurrentDictionary<string, Entry> _workspaces = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, BehaviorModel> _models = new(StringComparer.Ordinal);

    /// <summary>The behavior model of a schema document (null: the built-in commerce schema), built once per document.</summary>
    public BehaviorModel ModelFor(string? schemaJson) => schemaJson is null
        ? BehaviorModel.Default
        : _models.GetOrAdd(schemaJson, static json => new BehaviorModel(WorkspaceSchemaJson.Parse(json), BehaviorSettings.Default));

    public ValueTask<CompiledWorkspace> GetAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        var entry = _workspaces.GetOrAdd(workspaceId, static _ => new Entry());
        return entry.GetAsync(this, workspaceId, cancellationToken);
    }

    /// <summary>Like <see cref="GetAsync(string, CancellationToken)"/>, but never older than <paramref name="minVersion"/> when that exists.</summary>
    public async ValueTask<CompiledWorkspace> GetAsync(string workspaceId, long minVersion, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(workspaceId, cancellationToken);
        if (current.Version >= minVersion)
        {
            return current;
        }

        Invalidate(workspaceId);
        return await GetAsync(workspaceId, cancellationToken);
    }

    /// <summary>Makes the next <see cref="GetAsync(string, CancellationToken)"/> check the store (after a change made on this silo).</summary>
    public void Invalidate(string workspaceId)
    {
        if (_workspaces.TryGetValue(workspaceId, out var entry))
        {
            entry.Invalidate();
        }
    }

    private async Task<CompiledWorkspace> RefreshAsync(string workspaceId, CompiledWorkspace? current, CancellationToken cancellationToken)
    {
        if (current is not null && await store.VersionAsync(workspaceId, cancellationToken) == current.Version)
        {
            return current;
        }

        var stored = await store.LoadAsync(workspaceId, cancellationToken);
        var model = ModelFor(stored.SchemaJson);
        var set = SegmentSet.Compile(stored.Segments.Select(s => new SegmentDefinition(s.SegmentId, s.Rule)), model);
        return new CompiledWorkspace(workspaceId, stored.Version, model, set) { Experiments = CompileExperiments(stored.RunningExperiments, model) };
    }

    /// <summary>
    /// The running experiments that still compile against the schema (started ones were checked; a schema change that
    /// broke one leaves it out, so its customers stop being measured rather than fail every call).
    /// </summary>
    private static ExperimentSet CompileExperiments(IReadOnlyList<StoredExperiment> running, BehaviorModel model)
    {
        var compiled = new List<CompiledExperiment>(running.Count);
        foreach (var experiment in running)
        {
            try
            {
                compiled.Add(CompiledExperiment.Compile(experiment.Definition, model.Schema));
            }
            catch (ArgumentException)
            {
                // Left out (see the summary): the schema rules allow only changes stored state can follow, so this is rare.
            }
        }

        return compiled.Count == 0 ? ExperimentSet.Empty : new ExperimentSet(compiled);
    }

    private sealed class Entry
    {
        private readonly Lock _lock = new();
        private CompiledWorkspace? _current;
        private Task<CompiledWorkspace>? _refresh;
        private long _checkedAt = long.MinValue;

        public void Invalidate()
        {
            lock (_lock)
            {
                _checkedAt = long.MinValue;
            }
        }

        public ValueTask<CompiledWorkspace> GetAsync(SegmentCatalog catalog, string workspaceId, CancellationToken cancellationToken)
        {
            var now = catalog._clock.GetTimestamp();
            lock (_lock)
            {
                if (_current is not null && catalog._clock.GetElapsedTime(_checkedAt, now) < RefreshInterval && _checkedAt != long.MinValue)
                {
                    return ValueTask.FromResult(_current);
                }

                // One refresh at a time per workspace; callers meanwhile share it.
                _refresh ??= RefreshAsync(catalog, workspaceId, now);
                return new ValueTask<CompiledWorkspace>(_refresh.WaitAsync(cancellationToken));
            }
        }

        private async Task<CompiledWorkspace> RefreshAsync(SegmentCatalog catalog, string workspaceId, long startedAt)
        {
            await Task.Yield(); // leave the lock before any I/O
            try
            {
                var refreshed = await catalog.RefreshAsync(workspaceId, _current, CancellationToken.None);
                lock (_lock)
                {
                    _current = refreshed;
                    _checkedAt = startedAt;
                }

                return refreshed;
            }
            finally
            {
                lock (_lock)
                {
                    _refresh = null;
                }
            }
        }
    }
}
