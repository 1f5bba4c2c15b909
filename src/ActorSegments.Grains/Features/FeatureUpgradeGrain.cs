using ActorSegments.Abstractions.Features;
using Microsoft.Extensions.Logging;

namespace ActorSegments.Grains.Features;

/// <summary>
/// A workspace's feature layout upgrade, one pass at a time: every silo's <see cref="FeatureUpgradeLoop"/> may ask, and
/// while a pass runs the others' asks change nothing. The pass runs off the grain's turn, and the grain stays active
/// until it ends.
/// </summary>
[GrainType("feature-upgrade")]
public sealed partial class FeatureUpgradeGrain(FeatureLayoutUpgrade upgrade, ILogger<FeatureUpgradeGrain> logger) : Grain, IFeatureUpgradeGrain
{
    private static readonly TimeSpan LongestPass = TimeSpan.FromHours(6);
    private bool _running;

    private string WorkspaceId => FeatureUpgradeGrainKey.WorkspaceOf(this.GetPrimaryKeyString());

    public Task<bool> StartAsync()
    {
        if (_running)
        {
            return Task.FromResult(false);
        }

        _running = true;
        DelayDeactivation(LongestPass);
        _ = RunAsync(WorkspaceId);
        return Task.FromResult(true);
    }

    public Task<bool> RunningAsync() => Task.FromResult(_running);

    private async Task RunAsync(string workspaceId)
    {
        try
        {
            // Off the grain's scheduler: the pass calls thousands of customers and waits on the store.
            await Task.Run(() => upgrade.RunAsync(workspaceId, CancellationToken.None));
        }
        catch (Exception ex)
        {
            LogPassFailed(ex, workspaceId);
        }
        finally
        {
            _running = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feature layout upgrade of workspace {WorkspaceId} failed; the next check starts it again")]
    private partial void LogPassFailed(Exception exception, string workspaceId);
}
