using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Features;

/// <summary>
/// One pass of a workspace's feature layout upgrade: pages through the rows of an older layout and asks each customer
/// to rewrite its row from its own state (rebuilt from snapshot and journal, so entries that journal retention deleted
/// still count), a bounded number of calls in flight. Each page ends with a flush of this silo's feature writer, so
/// progress shows in the table as the pass goes; customers on other silos write through theirs within its interval.
/// </summary>
public sealed partial class FeatureLayoutUpgrade(
    IFeatureStore store,
    IGrainFactory grains,
    FeatureWriter writer,
    IMeterFactory meters,
    IOptions<FeatureUpgradeOptions> options,
    ILogger<FeatureLayoutUpgrade> logger)
{
    private readonly Counter<long> _upgraded = meters.Create(FeatureWriter.MeterName)
        .CreateCounter<long>("actorsegments.features.upgraded", "{row}", "Feature rows of an older layout rewritten by their customers");

    private readonly Counter<long> _failed = meters.Create(FeatureWriter.MeterName)
        .CreateCounter<long>("actorsegments.features.upgrade_failed", "{row}", "Feature rows of an older layout whose customer could not rewrite them (the next pass retries)");

    /// <summary>Runs a pass over the workspace's stale rows; a customer that fails is counted and left to the next pass.</summary>
    public async Task<FeatureUpgradeResult> RunAsync(string workspaceId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        var tag = new KeyValuePair<string, object?>("workspace", workspaceId);
        long rewritten = 0, skipped = 0, failed = 0;
        string? after = null;
        while (true)
        {
            var page = await store.ReadStaleAsync(workspaceId, after, settings.PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(
                page,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
                async (customerId, token) =>
                {
                    switch (await RewriteAsync(workspaceId, customerId, settings.Attempts, token))
                    {
                        case true:
                            Interlocked.Increment(ref rewritten);
                            _upgraded.Add(1, tag);
                            break;
                        case false:
                            Interlocked.Increment(ref skipped);
                            break;
                        case null:
                            Interlocked.Increment(ref failed);
                            _failed.Add(1, tag);
                            break;
                    }
                });
            await writer.FlushAsync(cancellationToken);
            after = page[^1];
        }

        var result = new FeatureUpgradeResult(rewritten, skipped, failed);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogPassDone(workspaceId, CustomerFeatures.Version, rewritten, skipped, failed, elapsed);
        return result;
    }

    /// <summary>True when rewritten, false when the customer has no row to write, null when it failed every attempt.</summary>
    private async Task<bool?> RewriteAsync(string workspaceId, string customerId, int attempts, CancellationToken cancellationToken)
    {
        var customer = grains.GetCustomer(workspaceId, customerId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await customer.RewriteFeaturesAsync();
            }
            catch (EventsNotStoredException) when (attempt < attempts)
            {
                // Its activation could not commit what came due while it was idle (overloaded journal): try again later.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * (1 << attempt)), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCustomerFailed(ex, workspaceId);
                return null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Feature layout upgrade of workspace {WorkspaceId} to layout {Version} done: {Rewritten} rows rewritten, " +
        "{Skipped} left (no customer history), {Failed} failed and left to the next pass, in {Elapsed}")]
    private partial void LogPassDone(string workspaceId, int version, long rewritten, long skipped, long failed, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A customer of workspace {WorkspaceId} could not rewrite its feature row; the next pass retries")]
    private partial void LogCustomerFailed(Exception exception, string workspaceId);
}
