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
    IOptions<ModelingOptions> options,
    ILogger<CohortScheduler> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private CancellationTokenSource? _stopping;
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observer.Subscribe(nameof(CohortScheduler), ServiceLifecycleStage.Active, Start, StopAsync);
    }

    public void Dispose() => _stopping?.Dispose();

    private Task Start(CancellationToken cancellationToken)
    {
        if (options.Value.CohortRefreshEvery > TimeSpan.Zero)
        {
            _stopping = new CancellationTokenSource();
            _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.ScheduleCheckEvery, TimeProvider.System, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                foreach (var workspace in await workspaces.ListAsync(stoppingToken))
                {
                    if (await features.CountAsync(workspace.WorkspaceId, stoppingToken) >= options.Value.MinimumCustomersForCohorts)
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
