using Orleans.Concurrency;

namespace ActorSegments.Abstractions.Segments;

/// <summary>
/// One segment of one workspace (key from <see cref="SegmentGrainKey"/>): answers its live count without touching
/// members, and runs the backfill that evaluates every existing customer after the segment is created or edited.
/// </summary>
[Alias("actorsegments.segment")]
public interface ISegmentGrain : IGrainWithStringKey
{
    /// <summary>The definition, count and progress; null when the segment does not exist.</summary>
    [Alias("get-stats")]
    Task<SegmentStats?> GetStatsAsync();

    /// <summary>Counts the members afresh (and corrects the live count).</summary>
    [Alias("recount")]
    Task<long> RecountAsync();

    /// <summary>
    /// Evaluates every existing customer against version <paramref name="version"/> of the segment, resuming where it
    /// stopped after a restart. Returns at once; progress shows in <see cref="GetStatsAsync"/>.
    /// </summary>
    [Alias("start-backfill")]
    Task StartBackfillAsync(int version);

    /// <summary>The backfill's next page; the grain sends it to itself, one page per call, so other calls are served in between.</summary>
    [OneWay, Alias("continue-backfill")]
    Task ContinueBackfillAsync();
}
