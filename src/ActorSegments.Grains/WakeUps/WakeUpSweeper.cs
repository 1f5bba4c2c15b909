using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.WakeUps;

/// <summary>
/// Wakes idle customers at their deadlines: claims the stored wake-ups that are due and calls each customer, which
/// evaluates what came due and commits its next wake-up. Active customers wake themselves with a grain timer; this
/// covers the ones that were deactivated, so no customer has to stay in memory to leave a segment on time.
/// </summary>
/// <remarks>
/// It sweeps only while the silo is active: it starts once the silo can serve grain calls and stops before the silo
/// begins deactivating customers. As a hosted service beside the silo it had run past the silo's shutdown, claiming
/// wake-ups it could no longer deliver (each then waited for its claim to lapse).
/// </remarks>
public sealed partial class WakeUpSweeper(
    IWakeUpSchedule schedule,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<WakeUpSweeperOptions> options,
    ILogger<WakeUpSweeper> logger) : SiloBackgroundLoop(clock)
{
    protected override Task RunAsync(CancellationToken stoppingToken) =>
        RunBatchesAsync(SweepOnceAsync, options.Value.BatchSize, options.Value.Interval, LogSweepFailed, stoppingToken);

    /// <summary>Claims and wakes one batch of due customers; returns how many were claimed.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await schedule.ClaimDueAsync(Clock.GetUtcNow().ToUnixTimeSeconds(), settings.BatchSize, settings.ClaimFor, cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken }, async (wakeUp, _) =>
        {
            try
            {
                await grains.GetCustomer(wakeUp.WorkspaceId, wakeUp.CustomerId).WakeAsync();
            }
            catch (Exception ex)
            {
                // The claim lapses and a later sweep tries again.
                LogWakeFailed(ex, wakeUp.WorkspaceId, wakeUp.CustomerId);
            }
        });
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping due wake-ups failed; retrying after the interval")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking customer {WorkspaceId}/{CustomerId} failed; it is retried when its claim lapses")]
    private partial void LogWakeFailed(Exception exception, string workspaceId, string customerId);
}
