using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Customers;
using ActorSegments.Grains;
using ActorSegments.Grains.Customers;
using ActorSegments.Postgres.Migrations;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace ActorSegments.Server.Hosting;

/// <summary>
/// Moves the snapshots an earlier release kept in Orleans' grain storage into the journal's own table, once, before
/// the silo starts (on a database that has none left it costs one empty read). Snapshots are a cache: one that cannot
/// be used (format 1, which lacks the event ids, or an unreadable row) is dropped, and its customer rebuilds from its
/// whole journal on its next activation and writes a new one.
/// </summary>
internal sealed partial class LegacySnapshotImport(
    LegacySnapshotRows rows, Serializer serializer, IOptions<ClusterOptions> cluster, ILogger<LegacySnapshotImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = new OrleansGrainStorageSerializer(serializer);
        var (moved, dropped) = await rows.MoveAsync(cluster.Value.ServiceId, GrainStorageNames.LegacyCustomerState, row => Convert(storage, row), cancellationToken: cancellationToken);
        if (moved + dropped > 0)
        {
            LogImported(moved, dropped);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static LegacySnapshotRows.Converted Convert(OrleansGrainStorageSerializer storage, LegacySnapshotRows.Row row)
    {
        if (!CustomerGrainKey.TryParse(row.GrainKey, out var workspaceId, out var customerId))
        {
            return new(string.Empty, string.Empty, 0, null);
        }

        try
        {
            var snapshot = row.Payload.Length == 0 ? null : storage.Deserialize<CustomerGrainState>(new BinaryData(row.Payload))?.Snapshot;
            if (snapshot is { Length: > 0 } && CustomerSnapshotCodec.ReadHeader(snapshot) is (true, var sequence))
            {
                return new(workspaceId, customerId, sequence, snapshot);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or SerializerException)
        {
            // Unreadable: dropped like an unusable one; the journal still holds everything.
        }

        return new(workspaceId, customerId, 0, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Moved} customer snapshots from Orleans grain storage into the journal; {Dropped} unusable ones dropped (those customers rebuild from their journal)")]
    private partial void LogImported(long moved, long dropped);
}
