using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Segments;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// Creating, editing, starting and stopping experiments. A definition is checked against the workspace schema and
/// segments before anything is stored. Starting one marks it running, then creates the segments it manages
/// (<see cref="ExperimentSegments"/>), whose backfills bring every existing customer to the new definitions: those
/// matching the audience are assigned then. Once running, the design (audience, arms, weights, metrics, salt) is
/// fixed, since changing it would mix customers assigned under two designs; the name and channel can change.
/// </summary>
public sealed class ExperimentDefinitions(IExperimentStore store, ISegmentDefinitionStore segmentStore, SegmentCatalog catalog, SegmentDefinitions segments, TimeProvider clock)
{
    public Task<StoredExperiment?> FindAsync(string workspaceId, string experimentId, CancellationToken cancellationToken = default) =>
        store.FindExperimentAsync(workspaceId, experimentId, cancellationToken);

    public Task<IReadOnlyList<StoredExperiment>> ListAsync(string workspaceId, CancellationToken cancellationToken = default) =>
        store.ListExperimentsAsync(workspaceId, cancellationToken);

    /// <summary>Creates a draft.</summary>
    public async Task<ExperimentChangeResult> CreateAsync(string workspaceId, ExperimentDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (await CheckAsync(workspaceId, definition, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        try
        {
            return ExperimentChangeResult.Saved(await store.SaveExperimentAsync(workspaceId, definition, 0, cancellationToken));
        }
        catch (ExperimentVersionConflictException conflict)
        {
            return ExperimentChangeResult.Refused(ExperimentRefusal.AlreadyExists, $"experiment '{definition.Id}' exists already (version {conflict.ActualVersion}); update it instead");
        }
    }

    /// <summary>Replaces the definition of the version read; a running or stopped experiment takes a new name and channel only.</summary>
    public async Task<ExperimentChangeResult> UpdateAsync(string workspaceId, ExperimentDefinition definition, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var held = await store.FindExperimentAsync(workspaceId, definition.Id, cancellationToken);
        if (held is null)
        {
            return NotFound(definition.Id);
        }

        if (held.Status != ExperimentStatus.Draft && !SameDesign(held.Definition, definition))
        {
            return ExperimentChangeResult.Refused(ExperimentRefusal.WrongStatus,
                $"experiment '{definition.Id}' is {held.Status.ToString().ToLowerInvariant()}: its audience, arms, metrics and salt are fixed (only the name and channel can change); create a new experiment for a new design");
        }

        if (await CheckAsync(workspaceId, definition, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        return await ChangeAsync(definition.Id, expectedVersion, () => store.SaveExperimentAsync(workspaceId, definition, expectedVersion, cancellationToken));
    }

    /// <summary>
    /// Starts assigning and measuring. Starting a running experiment again creates any of its segments missing (a start
    /// that failed half way is finished by retrying it).
    /// </summary>
    public async Task<ExperimentChangeResult> StartAsync(string workspaceId, string experimentId, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var held = await store.FindExperimentAsync(workspaceId, experimentId, cancellationToken);
        if (held is null)
        {
            return NotFound(experimentId);
        }

        if (held.Status == ExperimentStatus.Stopped)
        {
            return ExperimentChangeResult.Refused(ExperimentRefusal.WrongStatus, $"experiment '{experimentId}' was stopped; its customers stay assigned, and a stopped experiment does not start again");
        }

        if (expectedVersion is { } expected && expected != held.Version)
        {
            return VersionConflict(experimentId, expected, held.Version);
        }

        // Checked again: the schema or the segments a targeting rule names may have changed since the draft was saved.
        if (await CheckAsync(workspaceId, held.Definition, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var current = await segmentStore.LoadAsync(workspaceId, cancellationToken);
        foreach (var (segmentId, rule) in ExperimentSegments.For(held.Definition))
        {
            if (current.Segments.FirstOrDefault(s => s.SegmentId == segmentId) is { } existing && existing.Rule != rule)
            {
                return ExperimentChangeResult.Refused(ExperimentRefusal.SegmentConflict,
                    $"segment '{segmentId}' exists already with another rule; the experiment manages a segment of that id: rename or delete that segment first");
            }
        }

        var started = held;
        if (held.Status == ExperimentStatus.Draft)
        {
            var change = await ChangeAsync(experimentId, held.Version,
                () => store.SetExperimentStatusAsync(workspaceId, experimentId, ExperimentStatus.Running, clock.GetUtcNow(), held.Version, cancellationToken));
            if (!change.Succeeded)
            {
                return change;
            }

            started = change.Experiment!;
        }

        // After the status: each segment's backfill re-evaluates every customer with the experiment running.
        foreach (var (segmentId, rule) in ExperimentSegments.For(held.Definition))
        {
            if (current.Segments.All(s => s.SegmentId != segmentId))
            {
                var saved = await segments.SaveManagedAsync(workspaceId, segmentId, rule, 0, cancellationToken);
                if (!saved.Succeeded && saved.Refusal != SegmentRefusal.AlreadyExists)
                {
                    throw new InvalidOperationException($"Segment '{segmentId}' of experiment '{experimentId}' could not be created: {saved.Problem ?? string.Join("; ", saved.Diagnostics)}");
                }
            }
        }

        catalog.Invalidate(workspaceId);
        return ExperimentChangeResult.Saved(started);
    }

    /// <summary>Stops assigning and measuring; assignments and results stay readable.</summary>
    public async Task<ExperimentChangeResult> StopAsync(string workspaceId, string experimentId, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var held = await store.FindExperimentAsync(workspaceId, experimentId, cancellationToken);
        if (held is null)
        {
            return NotFound(experimentId);
        }

        if (held.Status != ExperimentStatus.Running)
        {
            return ExperimentChangeResult.Refused(ExperimentRefusal.WrongStatus, $"experiment '{experimentId}' is {held.Status.ToString().ToLowerInvariant()}, not running");
        }

        if (expectedVersion is { } expected && expected != held.Version)
        {
            return VersionConflict(experimentId, expected, held.Version);
        }

        var result = await ChangeAsync(experimentId, held.Version,
            () => store.SetExperimentStatusAsync(workspaceId, experimentId, ExperimentStatus.Stopped, clock.GetUtcNow(), held.Version, cancellationToken));
        catalog.Invalidate(workspaceId);
        return result;
    }

    private async Task<ExperimentChangeResult?> CheckAsync(string workspaceId, ExperimentDefinition definition, CancellationToken cancellationToken)
    {
        var current = await segmentStore.LoadAsync(workspaceId, cancellationToken);
        var model = catalog.ModelFor(current.SchemaJson);
        var existing = current.Segments
            .Where(s => ExperimentSegments.ExperimentOf(s.SegmentId) != definition.Id)
            .Select(s => new SegmentDefinition(s.SegmentId, s.Rule))
            .ToList();

        // Each rule is compiled as a segment among the workspace's own, so in_segment references and cycles are checked
        // as for any segment, and its diagnostics point into the text as written.
        IReadOnlyList<RuleDiagnostic> CheckRule(string rule)
        {
            const string probe = "exp-rule-check";
            var set = SegmentSet.Compile([.. existing, new SegmentDefinition(probe, rule)], model);
            return set.Errors.TryGetValue(probe, out var diagnostics) ? diagnostics : [];
        }

        var violations = ExperimentDefinitionCheck.Check(definition, model.Schema, CheckRule);
        return violations.Count > 0 ? ExperimentChangeResult.Invalid(violations) : null;
    }

    private static bool SameDesign(ExperimentDefinition held, ExperimentDefinition proposed) =>
        proposed with { Name = held.Name, Channel = held.Channel, Arms = [], Metrics = [] } == held with { Arms = [], Metrics = [] } &&
        proposed.Arms.SequenceEqual(held.Arms) && proposed.Metrics.SequenceEqual(held.Metrics);

    private static async Task<ExperimentChangeResult> ChangeAsync(string experimentId, int expectedVersion, Func<Task<StoredExperiment>> change)
    {
        try
        {
            return ExperimentChangeResult.Saved(await change());
        }
        catch (ExperimentVersionConflictException conflict)
        {
            return conflict.ActualVersion == 0 ? NotFound(experimentId) : VersionConflict(experimentId, expectedVersion, conflict.ActualVersion);
        }
    }

    private static ExperimentChangeResult NotFound(string experimentId) =>
        ExperimentChangeResult.Refused(ExperimentRefusal.NotFound, $"experiment '{experimentId}' does not exist");

    private static ExperimentChangeResult VersionConflict(string experimentId, int expected, int actual) =>
        ExperimentChangeResult.Refused(ExperimentRefusal.VersionConflict, $"experiment '{experimentId}' is at version {actual}, not {expected}; reload it and apply the change again");
}
