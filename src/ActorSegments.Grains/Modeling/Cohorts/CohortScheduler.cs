using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// Refreshes cohorts on a schedule: now and then asks every workspace's cohort grain for a scheduled refresh, which the
/// grain skips while its last run is recent (so several silos asking start one refresh). Runs while the silo is
/// active, like the wake-up sweeper.
/// </summary>
public sealed partial class CohortScheduler(
    IWorkspaceDirectory workspaces,
    IFeatureStore features,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<ModelingOptions> options,
    ILogger<CohortScheduler> logger) : SiloBackgroundLoop(clock)
{
    protected override bool Enabled => options.Value.CohortRefreshEvery > TimeSpan.Zero;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PauseAsync(options.Value.ScheduleCheckEvery, stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                foreach (var workspace in await workspaces.ListAsync(stoppingToken))
                {
                    // Not while its feature rows are being upgraded: the refresh would fail, and count as the day's run.
                    if (await features.CountAsync(workspace.WorkspaceId, stoppingToken) >= options.Value.MinimumCustomersForCohorts
                        && (await features.ReadStaleAsync(workspace.WorkspaceId, null, 1, stoppingToken)).Count == 0)
                    {
                        await grains.GetGrain<ICohortGrain>(ModelingGrainKey.Cohorts(workspace.WorkspaceId)).RefreshAsync(CohortTriggers.Schedule);
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogScheduleFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled cohort refresh check failed; the next check tries again")]
    private partial void LogScheduleFailed(Exception exception);
}
