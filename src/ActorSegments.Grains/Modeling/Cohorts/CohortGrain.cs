using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// A workspace's cohort refreshes, one at a time. The refresh itself runs off the grain's turn (clustering is
/// seconds of CPU), and the grain stays active until it ends; a scheduled refresh is skipped while the last run is
/// recent, so every silo's scheduler may ask.
/// </summary>
[GrainType("cohorts")]
public sealed class CohortGrain(ICohortStore store, CohortRefreshJob job, TimeProvider clock, IOptions<ModelingOptions> options) : Grain, ICohortGrain
{
    private static readonly TimeSpan LongestRefresh = TimeSpan.FromHours(6);
    private long _running;

    private string WorkspaceId => ModelingGrainKey.WorkspaceOf(ModelingGrainKey.CohortsPrefix, this.GetPrimaryKeyString());

    /// <summary>Runs recorded as running when this activation starts ran in an activation that is gone (its silo stopped).</summary>
    private const int RunsCheckedOnActivation = 10;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var orphan in (await store.ListRunsAsync(WorkspaceId, RunsCheckedOnActivation, cancellationToken)).Where(r => r.Status == CohortRunStatus.Running))
        {
            await store.SaveRunAsync(
                orphan.Fail(clock.GetUtcNow(), $"interrupted in phase '{orphan.Phase}': the silo running it stopped; the next refresh starts over"),
                cancellationToken);
        }
    }

    public async Task<long> RefreshAsync(string trigger)
    {
        ArgumentException.ThrowIfNullOrEmpty(trigger);
        if (_running != 0)
        {
            return _running;
        }

        if (trigger == CohortTriggers.Schedule && await LastRunIfRecentAsync() is { } recent)
        {
            return recent;
        }

        var runId = await store.NextRunIdAsync(WorkspaceId);
        var run = CohortRun.Start(WorkspaceId, runId, trigger, clock.GetUtcNow());
        await store.SaveRunAsync(run);
        _running = runId;
        DelayDeactivation(LongestRefresh);
        _ = RunAsync(run);
        return runId;
    }

    public Task<long> RunningAsync() => Task.FromResult(_running);

    private async Task RunAsync(CohortRun run)
    {
        try
        {
            // Off the grain's scheduler: the job calls customers and segments, and computes for seconds.
            await Task.Run(() => job.RunAsync(run, CancellationToken.None));
        }
        finally
        {
            _running = 0;
        }
    }

    private async Task<long?> LastRunIfRecentAsync()
    {
        var every = options.Value.CohortRefreshEvery;
        var runs = await store.ListRunsAsync(WorkspaceId, 1);
        var last = runs.Count > 0 ? runs[0] : null;
        return every <= TimeSpan.Zero || (last is not null && clock.GetUtcNow() - last.StartedAt < every) ? last?.RunId ?? 0 : null;
    }
}

/// <summary>Why a refresh ran.</summary>
public static class CohortTriggers
{
    public const string Manual = "manual";
    public const string Schedule = "schedule";
}
