using ActorSegments.Abstractions.Webhooks;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Webhooks;

/// <summary>
/// Keeps every active destination's delivery worker running: now and then each silo wakes the worker of every active
/// destination, which activates it if it is not (after its silo died, say) and does nothing otherwise. The cluster
/// places each worker once, so several silos waking it start one.
/// </summary>
public sealed partial class WebhookKeeper(
    IWebhookStore store,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookKeeper> logger) : SiloBackgroundLoop(clock)
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var (workspaceId, webhookId) in await store.ListActiveAsync(stoppingToken))
                {
                    await grains.GetGrain<IWebhookGrain>(WebhookGrainKey.Format(workspaceId, webhookId)).WakeAsync();
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogKeepFailed(ex);
            }

            await PauseAsync(options.Value.KeeperInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking the webhook workers failed; the next round tries again")]
    private partial void LogKeepFailed(Exception exception);
}
