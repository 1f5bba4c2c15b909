using System.Diagnostics.Metrics;
using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Privacy;

/// <summary>
/// Runs journal retention passes for the workspaces that have a retention period, one bounded batch at a time (the
/// store makes sure one silo at a time works on a workspace); customers whose snapshot does not include their old
/// entries are asked to write one, and the next pass deletes those entries. Progress is in the store
/// (<see cref="IJournalRetention.GetAsync"/>, the admin API) and in metrics.
/// </summary>
public sealed partial class JournalRetentionLoop(
    IJournalRetention retention,
    IGrainFactory grains,
    TimeProvider clock,
    IMeterFactory meters,
    IOptions<RetentionOptions> options,
    ILogger<JournalRetentionLoop> logger) : SiloBackgroundLoop(clock)
{
    private readonly Counter<long> _examined = Counter(meters, "actorsegments.retention.examined", "{entry}", "Journal entries examined by retention passes");
    private readonly Counter<long> _deleted = Counter(meters, "actorsegments.retention.deleted", "{entry}", "Journal entries deleted by retention passes");
    private readonly Counter<long> _snapshots = Counter(meters, "actorsegments.retention.snapshots_requested", "{customer}", "Customers asked for a snapshot so their old entries can be deleted");

    // While any pass is under way the next batches follow at once; then the loop pauses for the interval.
    protected override Task RunAsync(CancellationToken stoppingToken) =>
        RunBatchesAsync(RunOnceAsync, 1, options.Value.Interval, LogPassFailed, stoppingToken);

    /// <summary>
    /// One batch for every workspace with a retention period whose pass is under way or due; returns how many passes
    /// are still under way afterwards.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var underWay = 0;
        foreach (var workspaceId in await retention.WorkspacesAsync(cancellationToken))
        {
            var batch = await retention.RunBatchAsync(workspaceId, Clock.GetUtcNow(), options.Value.PassEvery, options.Value.BatchSize, cancellationToken);
            if (batch is null)
            {
                continue;
            }

            _examined.Add(batch.Examined, new KeyValuePair<string, object?>("workspace", workspaceId));
            _deleted.Add(batch.Deleted, new KeyValuePair<string, object?>("workspace", workspaceId));
            await SnapshotAsync(workspaceId, batch.Uncovered, cancellationToken);
            if (batch.Finished)
            {
                LogPassFinished(workspaceId);
            }
            else
            {
                underWay++;
            }
        }

        return underWay;
    }

    private async Task SnapshotAsync(string workspaceId, IReadOnlyList<string> customers, CancellationToken cancellationToken)
    {
        if (customers.Count == 0)
        {
            return;
        }

        _snapshots.Add(customers.Count, new KeyValuePair<string, object?>("workspace", workspaceId));
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = options.Value.SnapshotConcurrency, CancellationToken = cancellationToken }, async (customerId, _) =>
        {
            try
            {
                await grains.GetCustomer(workspaceId, customerId).SnapshotAsync();
            }
            catch (Exception ex)
            {
                // Its entries stay until a later pass finds them covered.
                LogSnapshotFailed(ex, workspaceId);
            }
        });
    }

    /// <summary>A counter on the privacy meter (the one the erased-exit redactor reports on).</summary>
    private static Counter<long> Counter(IMeterFactory meters, string name, string unit, string description) =>
        meters.Create(ErasedExitRedactor.MeterName).CreateCounter<long>(name, unit, description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A journal retention batch failed; retrying after the interval")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal retention pass of workspace {WorkspaceId} finished")]
    private partial void LogPassFinished(string workspaceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A customer of workspace {WorkspaceId} could not write the snapshot retention asked for; a later pass retries")]
    private partial void LogSnapshotFailed(Exception exception, string workspaceId);
}
