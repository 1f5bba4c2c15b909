using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// Backfill progress on this silo: customers walked, backfills finished, and — for the backfills this silo runs now —
/// how many there are and how many customers they have left. (Per-segment progress is in the segment API.)
/// </summary>
internal static class BackfillMetrics
{
    private static readonly Meter Meter = new(MembershipMeter.Name);
    private static readonly ConcurrentDictionary<(string Workspace, string Segment), long> Remaining = new();

    private static readonly Counter<long> Walked = Meter.CreateCounter<long>(
        "actorsegments.backfill.customers", "{customer}", "Customers walked by segment backfills");

    private static readonly Counter<long> Finished = Meter.CreateCounter<long>(
        "actorsegments.backfill.completed", "{backfill}", "Segment backfills finished");

    static BackfillMetrics()
    {
        Meter.CreateObservableGauge("actorsegments.backfill.running", () => (long)Remaining.Count, "{backfill}", "Segment backfills running on this silo");
        Meter.CreateObservableGauge("actorsegments.backfill.remaining", () => Remaining.Values.Sum(), "{customer}", "Customers the backfills running on this silo have yet to walk");
    }

    public static void Progressed(string workspaceId, string segmentId, int walked, long done, long total)
    {
        Walked.Add(walked);
        Remaining[(workspaceId, segmentId)] = Math.Max(0, total - done);
    }

    public static void Completed(string workspaceId, string segmentId, int walked)
    {
        Walked.Add(walked);
        Finished.Add(1);
        Remaining.TryRemove((workspaceId, segmentId), out _);
    }

    /// <summary>The backfill stopped here (superseded, deleted, or the segment moved to another silo).</summary>
    public static void Left(string workspaceId, string segmentId) => Remaining.TryRemove((workspaceId, segmentId), out _);
}
