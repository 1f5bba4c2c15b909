using ActorSegments.Domain.Events;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Segments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// One cohort refresh, end to end: read the feature table, cluster, give cohorts stable ids and names, keep the
/// cohort of every customer whose features did not change, save the assignments, make each cohort a segment, and
/// push the changed assignments to the customers (whose segments then follow like after any event).
/// </summary>
public sealed partial class CohortRefreshJob(
    IFeatureStore features,
    ICohortStore store,
    ICohortClusterer clusterer,
    ICohortLabeler labeler,
    SegmentDefinitions definitions,
    ISegmentDefinitionStore segments,
    ModelOutputPusher pusher,
    FeatureWriter featureWriter,
    TimeProvider clock,
    IOptions<ModelingOptions> options,
    ILogger<CohortRefreshJob> logger)
{
    public async Task<CohortRun> RunAsync(CohortRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var progress = new CohortRunProgress(store, run, clock);
        try
        {
            await RefreshAsync(progress, cancellationToken);
            await progress.FinishAsync(CohortRunStatus.Succeeded, null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Too little data is an answer for the run record, not an error for the operator's log.
            if (ex is not InsufficientDataException)
            {
                LogRefreshFailed(ex, run.WorkspaceId, run.RunId);
            }

            await progress.FinishAsync(CohortRunStatus.Failed, ex is InsufficientDataException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
        }

        return progress.Run;
    }

    private async Task RefreshAsync(CohortRunProgress progress, CancellationToken cancellationToken)
    {
        var workspaceId = progress.Run.WorkspaceId;
        var settings = await store.GetSettingsAsync(workspaceId, cancellationToken);
        var featureNames = settings.Features ?? CustomerFeatures.DefaultCohortFeatures;
        var columns = featureNames.Select(CustomerFeatures.IndexOf).ToArray();
        var featureDefinitions = columns.Select(c => CustomerFeatures.Definitions[c]).ToArray();
        var now = clock.GetUtcNow().ToUnixTimeSeconds();

        await progress.PhaseAsync(CohortRunPhases.ReadingFeatures, r => r with { Features = [.. featureNames] }, cancellationToken);
        await featureWriter.FlushAsync(cancellationToken);
        if ((await features.ReadStaleAsync(workspaceId, null, 1, cancellationToken)).Count > 0)
        {
            // Rows of an older layout are not read: a refresh now would see part of the customers and move the rest
            // out of their cohorts. The feature upgrade pass (FeatureLayoutUpgrade) rewrites them within minutes.
            throw new InsufficientDataException(
                $"The feature rows of workspace '{workspaceId}' are being rewritten in layout {CustomerFeatures.Version} after an upgrade; refresh once that pass has finished (its log line says so).");
        }

        var table = await CohortFeatureTable.ReadAsync(features, workspaceId, columns, now, cancellationToken);
        var minimum = options.Value.MinimumCustomersForCohorts;
        if (table.Count < minimum)
        {
            throw new InsufficientDataException($"Cohorts need at least {minimum} customers with features; the feature table has {table.Count} for workspace '{workspaceId}'.");
        }

        await progress.PhaseAsync(CohortRunPhases.Clustering, r => r with { Customers = table.Count }, cancellationToken);
        var clustering = await Task.Run(() => clusterer.Fit(table.Rows, featureDefinitions, ClusteringOptions(settings), cancellationToken), cancellationToken);

        await progress.PhaseAsync(CohortRunPhases.AssigningAndLabeling, r => r with { K = clustering.K, Inertia = clustering.Inertia, Silhouette = clustering.Silhouette, Candidates = clustering.Candidates }, cancellationToken);
        var nearest = new int[table.Count];
        Parallel.For(0, table.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => nearest[i] = clustering.Assign(table.Rows[i]));
        var previous = await store.LatestSucceededAsync(workspaceId, cancellationToken);
        var profiles = CohortProfiles.Build(table.Rows, nearest, clustering.K, featureDefinitions, clustering.Scaler);
        var ids = await CohortIdAssignment.AssignAsync(store, previous, featureNames, profiles, clustering.Scaler, workspaceId, cancellationToken);
        var labels = await labeler.LabelAsync(profiles, cancellationToken);

        // Stored assignments come from the last successful run, or from a later one that failed after saving them: the
        // earlier start is the safe bound of which rows they were made from.
        var settledBefore = previous?.StartedAt.ToUnixTimeSeconds() ?? long.MinValue;
        var assignment = await StableAssignment.ComputeAsync(store.ReadAssignmentsAsync(workspaceId, cancellationToken), table, nearest, ids, settledBefore);
        var centroids = CohortProfiles.RawCentroids(profiles);
        var drifts = CohortDrifts.Compute(previous, featureNames, ids, centroids, assignment.Sizes, clustering.Scaler, assignment.Transitions);
        var naming = CohortNaming.Apply(previous, ids, labels, centroids, drifts, settings, clustering.Scaler);
        var cohorts = naming.Cohorts;
        await progress.PhaseAsync(
            CohortRunPhases.Saving,
            r => r with { Cohorts = cohorts, Changed = assignment.Changed.Count, PreviousRunId = previous?.RunId, Retired = CohortDrifts.Retired(previous, ids) },
            cancellationToken);
        await store.UpdateAssignmentsAsync(
            workspaceId,
            AsyncSequence.From(assignment.Stored.Select(i => new CohortAssignment(table.Customers[i], assignment.Cohorts[i], table.AsOf[i]))),
            assignment.Removed,
            cancellationToken);
        await SyncSegmentsAsync(workspaceId, ids, previous, cancellationToken);

        await progress.PhaseAsync(CohortRunPhases.Pushing, cancellationToken: cancellationToken);
        var at = clock.GetUtcNow();
        var outputId = $"cohort-run-{progress.Run.RunId}";
        await pusher.PushAsync(
            workspaceId,
            AsyncSequence.From(assignment.Changed.Select(i => (table.Customers[i], new ModelOutput(outputId, at) { Cohort = assignment.Cohorts[i] }))),
            pushed => _ = progress.PushedAsync(pushed),
            cancellationToken);

        // A rename that was not pinned lasted for the run it was made on; pinned ones stay while the cohort keeps its
        // meaning (released ones go, anchors are recorded). Applied to the settings as they are now: a rename or a
        // change of k or features made while this ran stands.
        var current = await store.GetSettingsAsync(workspaceId, cancellationToken);
        var updated = CohortLabelChanges.Apply(settings, naming.Pins, current);
        if (!CohortLabelChanges.SameLabels(updated, current))
        {
            await store.SaveSettingsAsync(workspaceId, updated, cancellationToken);
        }
    }

    private ClusteringOptions ClusteringOptions(CohortSettings settings)
    {
        var o = options.Value;
        return new ClusteringOptions { MinK = o.MinK, MaxK = o.MaxK, FixedK = settings.FixedK, Seeds = o.Seeds, TrainingSample = o.TrainingSample };
    }

    private async Task SyncSegmentsAsync(string workspaceId, string[] ids, CohortRun? previous, CancellationToken cancellationToken)
    {
        var rules = (await segments.LoadAsync(workspaceId, cancellationToken)).Segments.ToDictionary(s => s.SegmentId, s => s.Rule, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            // A cohort that kept its id keeps its segment as it is: its members follow the pushed cohorts, and saving
            // the same rule again would only start a backfill over every customer (and re-evaluate them all).
            if (rules.GetValueOrDefault(id) == CohortRule(id))
            {
                continue;
            }

            var saved = await definitions.SaveAsync(workspaceId, id, CohortRule(id), expectedVersion: null, cancellationToken);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException($"Cohort segment '{id}' could not be saved: {saved.Problem}");
            }
        }

        foreach (var retired in (previous?.Cohorts ?? []).Select(c => c.Id).Except(ids, StringComparer.Ordinal))
        {
            // A segment built on a retired cohort keeps it alive (and empty) rather than failing the refresh.
            var deleted = await definitions.DeleteAsync(workspaceId, retired, cancellationToken);
            if (!deleted.Succeeded)
            {
                LogRetiredSegmentKept(workspaceId, retired, deleted.Problem);
            }
        }
    }

    public static string CohortRule(string cohortId) => $"cohort = \"{cohortId}\"";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cohort refresh {RunId} of workspace {WorkspaceId} failed")]
    private partial void LogRefreshFailed(Exception exception, string workspaceId, long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment of retired cohort {CohortId} in workspace {WorkspaceId} kept: {Problem}")]
    private partial void LogRetiredSegmentKept(string workspaceId, string cohortId, string? problem);
}
