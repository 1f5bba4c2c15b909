using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// Backfill progress on this silo: customers walked, backfills finished, and — for the backfills this silo runs now —
/// how many there are and how many customers they have left. (Per-segment progress is in the segment API.) One per
/// silo, on the silo's <see cref="IMeterFactory"/>.
/// </summary>
public sealed class BackfillMetrics
{
    private readonly ConcurrentDictionary<(string Workspace, string Segment), long> _remaining = new();
    private readonly Counter<long> _walked;
    private readonly Counter<long> _finished;

    public BackfillMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MembershipMeter.Name);
        _walked = meter.CreateCounter<long>("actorsegments.backfill.customers", "{customer}", "Customers walked by segment backfills");
        _finished = meter.CreateCounter<long>("actorsegments.backfill.completed", "{backfill}", "Segment backfills finished");
        meter.CreateObservableGauge("actorsegments.backfill.running", () => (long)_remaining.Count, "{backfill}", "Segment backfills running on this silo");
        meter.CreateObservableGauge("actorsegments.backfill.remaining", () => _remaining.Values.Sum(), "{customer}", "Customers the backfills running on this silo have yet to walk");
    }

    public void Progressed(string workspaceId, string segmentId, int walked, long done, long total)
    {
        _walked.Add(walked);
        _remaining[(workspaceId, segmentId)] = Math.Max(0, total - done);
    }

    public void Completed(string workspaceId, string segmentId, int walked)
    {
        _walked.Add(walked);
        _finished.Add(1);
        _remaining.TryRemove((workspaceId, segmentId), out _);
    }

    /// <summary>The backfill stopped here (superseded, deleted, or the segment moved to another silo).</summary>
    public void Left(string workspaceId, string segmentId) => _remaining.TryRemove((workspaceId, segmentId), out _);
}
