using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// Creating, editing and deleting segments, and changing the workspace schema: a rule is type-checked against the workspace schema and the other
/// segments (references, cycles) before anything is stored; a stored change reaches every silo's catalog within a
/// second and starts the backfill that evaluates existing customers.
/// </summary>
public sealed class SegmentDefinitions(ISegmentDefinitionStore store, SegmentCatalog catalog, ICustomerRegistry registry, IGrainFactory grains, IExperimentStore experiments)
{
    public const int MaxSegmentIdLength = 64;

    /// <summary>
    /// Checks a rule as <see cref="SaveAsync"/> would, without saving: the result has the diagnostics or the problem,
    /// and no segment.
    /// </summary>
    public async Task<SegmentSaveResult> ValidateAsync(string workspaceId, string segmentId, string rule, CancellationToken cancellationToken = default) =>
        (await CompileAsync(workspaceId, segmentId, rule, cancellationToken)).Refusal ?? SegmentSaveResult.Saved(null);

    /// <summary>
    /// The rule compiled as a save of <paramref name="segmentId"/> would compile it, among the workspace's other
    /// segments and against its schema, without saving; or, as <see cref="ValidateAsync"/> answers, what is wrong.
    /// </summary>
    public async Task<SegmentCandidate> CompileAsync(string workspaceId, string segmentId, string rule, CancellationToken cancellationToken = default)
    {
        var current = await store.LoadAsync(workspaceId, cancellationToken);
        var model = catalog.ModelFor(current.SchemaJson);
        var (refusal, set) = Compile(current, model, segmentId, rule);
        return new SegmentCandidate(refusal, refusal is null ? set?.Segment(segmentId) : null, model);
    }

    /// <summary>
    /// Creates (<paramref name="expectedVersion"/> 0), updates (the version it was read at) or overwrites (null) a
    /// segment, then starts its backfill.
    /// </summary>
    public async Task<SegmentSaveResult> SaveAsync(string workspaceId, string segmentId, string rule, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (await ManagedByExperimentAsync(workspaceId, segmentId, cancellationToken) is { } managed)
        {
            return managed;
        }

        return await SaveManagedAsync(workspaceId, segmentId, rule, expectedVersion, cancellationToken);
    }

    /// <summary>Saves a segment an experiment manages (<see cref="Experiments.ExperimentSegments"/>): only the experiment does.</summary>
    internal async Task<SegmentSaveResult> SaveManagedAsync(string workspaceId, string segmentId, string rule, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var current = await store.LoadAsync(workspaceId, cancellationToken);
        if (Compile(current, catalog.ModelFor(current.SchemaJson), segmentId, rule).Refusal is { } refused)
        {
            return refused;
        }

        StoredSegment saved;
        try
        {
            saved = await store.SaveAsync(workspaceId, segmentId, rule, expectedVersion, cancellationToken);
        }
        catch (SegmentVersionConflictException conflict) when (expectedVersion == 0)
        {
            return SegmentSaveResult.Refused(SegmentRefusal.AlreadyExists, $"segment '{segmentId}' exists already (version {conflict.ActualVersion}); update it instead");
        }
        catch (SegmentVersionConflictException conflict) when (conflict.ActualVersion == 0)
        {
            return SegmentSaveResult.Refused(SegmentRefusal.NotFound, $"segment '{segmentId}' does not exist");
        }
        catch (SegmentVersionConflictException conflict)
        {
            return SegmentSaveResult.Refused(SegmentRefusal.VersionConflict, $"segment '{segmentId}' is at version {conflict.ActualVersion}, not {expectedVersion}; reload it and apply the change again");
        }

        catalog.Invalidate(workspaceId);
        await grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(workspaceId, segmentId)).StartBackfillAsync(saved.Version);
        return SegmentSaveResult.Saved(saved);
    }

    /// <summary>A refusal when the segment belongs to an experiment of the workspace, whose arms it must keep reading.</summary>
    private async Task<SegmentSaveResult?> ManagedByExperimentAsync(string workspaceId, string segmentId, CancellationToken cancellationToken) =>
        Experiments.ExperimentSegments.ExperimentOf(segmentId) is { } experimentId &&
        await experiments.FindExperimentAsync(workspaceId, experimentId, cancellationToken) is not null
            ? SegmentSaveResult.Refused(SegmentRefusal.Conflict, $"segment '{segmentId}' is managed by experiment '{experimentId}' and changes only with it")
            : null;

    /// <summary>
    /// The workspace's segments with <paramref name="rule"/> saved as <paramref name="segmentId"/>, and what is wrong
    /// with saving it (null when nothing is).
    /// </summary>
    private (SegmentSaveResult? Refusal, SegmentSet? Set) Compile(WorkspaceSegments current, BehaviorModel model, string segmentId, string? rule)
    {
        if (Identifiers.CheckSegmentId(segmentId, MaxSegmentIdLength) is { } problem)
        {
            return (SegmentSaveResult.Refused(SegmentRefusal.InvalidRequest, $"segment_id {problem}"), null);
        }

        var definitions = current.Segments.Where(s => s.SegmentId != segmentId).Select(s => new SegmentDefinition(s.SegmentId, s.Rule)).Append(new SegmentDefinition(segmentId, rule ?? string.Empty));
        var set = SegmentSet.Compile(definitions, model);
        if (set.Errors.TryGetValue(segmentId, out var diagnostics))
        {
            return (SegmentSaveResult.Invalid(diagnostics), set);
        }

        return NewlyBroken(current, set, segmentId) is { } broken
            ? (SegmentSaveResult.Refused(SegmentRefusal.Conflict, $"saving '{segmentId}' would break {broken}"), set)
            : (null, set);
    }

    /// <summary>Every saved version of a segment's rule, newest first.</summary>
    public Task<IReadOnlyList<SegmentVersion>> ListVersionsAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default) =>
        store.ListVersionsAsync(workspaceId, segmentId, cancellationToken);

    public async Task<SegmentSaveResult> DeleteAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        if (await ManagedByExperimentAsync(workspaceId, segmentId, cancellationToken) is { } managed)
        {
            return managed;
        }

        var current = await store.LoadAsync(workspaceId, cancellationToken);
        if (current.Segments.All(s => s.SegmentId != segmentId))
        {
            return SegmentSaveResult.Refused(SegmentRefusal.NotFound, $"segment '{segmentId}' does not exist");
        }

        var remaining = SegmentSet.Compile(current.Segments.Where(s => s.SegmentId != segmentId).Select(s => new SegmentDefinition(s.SegmentId, s.Rule)), catalog.ModelFor(current.SchemaJson));
        if (NewlyBroken(current, remaining, segmentId) is { } broken)
        {
            return SegmentSaveResult.Refused(SegmentRefusal.Conflict, $"'{segmentId}' is used by {broken}; change those segments first");
        }

        await store.DeleteAsync(workspaceId, segmentId, cancellationToken);
        catalog.Invalidate(workspaceId);
        return SegmentSaveResult.Saved(null);
    }

    /// <summary>
    /// Replaces the workspace's schema. Once the workspace has customers, only changes their stored state can follow
    /// are accepted (see <see cref="SchemaChanges"/>); the workspace's segments must still compile either way.
    /// </summary>
    public async Task<SegmentSaveResult> SaveSchemaAsync(string workspaceId, string schemaJson, CancellationToken cancellationToken = default)
    {
        WorkspaceSchema proposed;
        try
        {
            proposed = WorkspaceSchemaJson.Parse(schemaJson);
        }
        catch (SchemaJsonException invalid)
        {
            return SegmentSaveResult.Refused(SegmentRefusal.InvalidRequest, invalid.Message);
        }

        var current = await store.LoadAsync(workspaceId, cancellationToken);
        if (await registry.CountAsync(workspaceId, cancellationToken) > 0)
        {
            var currentSchema = current.SchemaJson is null ? WorkspaceSchema.Commerce : WorkspaceSchemaJson.Parse(current.SchemaJson);
            var problems = SchemaChanges.Problems(currentSchema, proposed, BehaviorSettings.Default);
            if (problems.Count > 0)
            {
                return SegmentSaveResult.Refused(SegmentRefusal.Conflict, "the workspace has customers recorded under its current schema: " + string.Join("; ", problems));
            }
        }

        var set = SegmentSet.Compile(current.Segments.Select(s => new SegmentDefinition(s.SegmentId, s.Rule)), new BehaviorModel(proposed, BehaviorSettings.Default));
        if (set.Errors.Count > 0)
        {
            return SegmentSaveResult.Refused(SegmentRefusal.Conflict, "segments would no longer compile: " + string.Join("; ", set.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"'{e.Key}': {e.Value[0].Message}")));
        }

        await store.SaveSchemaAsync(workspaceId, WorkspaceSchemaJson.Serialize(proposed), cancellationToken);
        catalog.Invalidate(workspaceId);
        return SegmentSaveResult.Saved(null);
    }

    /// <summary>Other segments that compiled before the change and would not after it, or null.</summary>
    private string? NewlyBroken(WorkspaceSegments before, SegmentSet after, string changed)
    {
        var previous = SegmentSet.Compile(before.Segments.Select(s => new SegmentDefinition(s.SegmentId, s.Rule)), catalog.ModelFor(before.SchemaJson));
        var broken = after.Errors.Keys
            .Where(id => id != changed && !previous.Errors.ContainsKey(id))
            .Order(StringComparer.Ordinal)
            .ToList();
        return broken.Count == 0 ? null : string.Join(", ", broken.Select(id => $"'{id}'"));
    }
}
