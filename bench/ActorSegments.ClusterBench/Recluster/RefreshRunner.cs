using System.Diagnostics;
using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Modeling.Cohorts;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.ClusterBench.Recluster;

/// <summary>
/// Runs one refresh the way an operator does (<see cref="ICohortGrain.RefreshAsync"/>, trigger "manual"), follows its
/// run record until it ends, then waits for the cohort segments to be live and checks their counts.
/// </summary>
internal static class RefreshRunner
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    public static async Task<RefreshMeasurement> RunAsync(IServiceProvider services, string workspace)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var store = services.GetRequiredService<ICohortStore>();
        using var process = Process.GetCurrentProcess();
        var peak = 0L;
        var runId = await grains.GetGrain<ICohortGrain>(ModelingGrainKey.Cohorts(workspace)).RefreshAsync(CohortTriggers.Manual);
        CohortRun? run;
        while ((run = await store.GetRunAsync(workspace, runId)) is null or { Status: CohortRunStatus.Running })
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            await Task.Delay(PollEvery);
        }

        if (run.Status != CohortRunStatus.Succeeded)
        {
            throw new InvalidOperationException($"Refresh {runId} of {workspace} failed in phase '{run.Phase}': {run.Error}");
        }

        // Saving a cohort segment starts its backfill; the refresh is over for customers once all are live.
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(run.Cohorts.Select(c => SegmentSetup.WaitUntilLiveAsync(grains, workspace, c.Id)));
        var live = watch.Elapsed.TotalSeconds;
        var counts = services.GetRequiredService<ISegmentCounts>();
        var matches = true;
        foreach (var cohort in run.Cohorts)
        {
            matches &= await counts.CountAsync(workspace, cohort.Id) == cohort.Size;
        }

        return new RefreshMeasurement(run, live, matches, peak);
    }
}
