using ActorSegments.Abstractions.Features;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Features;

/// <summary>
/// After a feature layout change: at silo start and then every <see cref="FeatureUpgradeOptions.CheckEvery"/>, asks the
/// upgrade grain of each workspace with rows of an older layout to run (the grain runs one pass at a time, so several
/// silos asking start one). Without it, customers who do not act again would be missing from cohort refreshes and
/// scoring, which read only rows of the current layout.
/// </summary>
public sealed partial class FeatureUpgradeLoop(
    IFeatureStore store,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<FeatureUpgradeOptions> options,
    ILogger<FeatureUpgradeLoop> logger) : SiloBackgroundLoop(clock)
{
    protected override bool Enabled => options.Value.CheckEvery > TimeSpan.Zero;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartStaleAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(ex);
            }

            await PauseAsync(options.Value.CheckEvery, stoppingToken);
        }
    }

    /// <summary>Asks every workspace with stale rows to run its upgrade; returns how many passes started now.</summary>
    public async Task<int> StartStaleAsync(CancellationToken cancellationToken)
    {
        var started = 0;
        foreach (var workspaceId in await store.StaleWorkspacesAsync(cancellationToken))
        {
            if (await grains.GetGrain<IFeatureUpgradeGrain>(FeatureUpgradeGrainKey.For(workspaceId)).StartAsync())
            {
                LogPassStarted(workspaceId);
                started++;
            }
        }

        return started;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feature rows of an older layout found in workspace {WorkspaceId}: upgrade started")]
    private partial void LogPassStarted(string workspaceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for feature rows of an older layout failed; the next check tries again")]
    private partial void LogCheckFailed(Exception exception);
}
