using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Customers;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// Picks, from a page of customers, the ones a segment change affects, by evaluating the segment on their committed
/// records (snapshot plus later journal entries, read in bulk) and comparing with their committed membership. A
/// backfill then activates only those, instead of every customer of the workspace.
/// </summary>
/// <remarks>
/// Only valid once every silo evaluates with the new definitions (see <see cref="SettleTime"/>): from then on any
/// commit a customer makes already reflects the change, and everything committed before is in what is read here.
/// </remarks>
public sealed class BackfillScreen(ICustomerRecords records, Serializer serializer, IOptions<ClusterOptions> cluster, TimeProvider clock)
{
    /// <summary>How long after a definitions change a screen may be trusted: the catalog refresh plus in-flight calls.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    private readonly OrleansGrainStorageSerializer _storageSerializer = new(serializer);

    public async Task<IReadOnlyList<string>> AffectedAsync(CompiledWorkspace workspace, string segmentId, IReadOnlyList<string> customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(customers);
        if (workspace.Segments.Segment(segmentId) is not { } segment || customers.Count == 0)
        {
            return customers;
        }

        var keys = customers.Select(c => CustomerGrainKey.Format(workspace.WorkspaceId, c)).ToList();
        var payloads = await records.SnapshotsAsync(cluster.Value.ServiceId, GrainStorageNames.CustomerState, keys, cancellationToken);
        var snapshots = keys.Select(key => payloads.TryGetValue(key, out var payload)
            ? CustomerSnapshotCodec.Deserialize(_storageSerializer.Deserialize<CustomerGrainState>(new BinaryData(payload))?.Snapshot, workspace.Model.Tiers)
            : CustomerSnapshot.Empty()).ToList();
        var entries = await records.EntriesAfterAsync(workspace.WorkspaceId, [.. customers.Select((c, i) => (c, snapshots[i].JournalSequence))], cancellationToken);
        var members = await records.MembersAsync(workspace.WorkspaceId, segmentId, customers, cancellationToken);

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var affected = new List<string>();
        var applied = new List<ActorSegments.Domain.Behavior.ChangeSet>();
        for (var i = 0; i < customers.Count; i++)
        {
            var state = snapshots[i].State;
            foreach (var entry in entries.GetValueOrDefault(customers[i]) ?? [])
            {
                applied.Clear();
                state.ApplyRecorded(entry.Event, workspace.Model, entry.AppliedAt, applied);
            }

            if (segment.Rule.Evaluate(state, workspace.Model, Math.Max(now, state.Reference)) != members.Contains(customers[i]))
            {
                affected.Add(customers[i]);
            }
        }

        return affected;
    }
}
