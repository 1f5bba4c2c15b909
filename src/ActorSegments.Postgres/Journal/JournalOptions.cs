using System.ComponentModel.DataAnnotations;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Postgres.Journal;

/// <summary>Limits of the group-commit journal writer and of the grouped customer loads.</summary>
public sealed class JournalOptions
{
    public const string SectionName = "ActorSegments:Journal";

    /// <summary>Transactions written at the same time (each on its own connection).</summary>
    [Range(1, 64)]
    public int Writers { get; set; } = 2;

    /// <summary>Commits that may wait for a transaction; beyond this a commit is refused (the caller backs off).</summary>
    [Range(1, 10_000_000)]
    public int MaxPendingCommits { get; set; } = 20_000;

    /// <summary>Most customer commits in one transaction.</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchCommits { get; set; } = 4_000;

    /// <summary>Most rows (events plus membership changes) in one transaction.</summary>
    [Range(1, 10_000_000)]
    public int MaxBatchRows { get; set; } = 40_000;

    /// <summary>
    /// Most snapshot bytes in one transaction: a shutdown queues a snapshot per active customer at once, and heavy
    /// customers' snapshots run to hundreds of KB (the event id fingerprints), so commits alone would not bound it.
    /// </summary>
    [Range(1d, 1_073_741_824d)]
    public long MaxBatchSnapshotBytes { get; set; } = 32L << 20;

    /// <summary>Customer loads read at the same time (each a statement on its own connection).</summary>
    [Range(1, 64)]
    public int Readers { get; set; } = 2;

    /// <summary>Most customers read by one statement.</summary>
    [Range(1, 10_000)]
    public int MaxLoadGroup { get; set; } = 256;

    /// <summary>
    /// How often the segment count slots of connections that have closed are folded into the base counts (also once
    /// at start). Their number grows by one per segment for each connection that wrote counts and closed meanwhile.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", OptionRanges.Forever, MinimumIsExclusive = true)]
    public TimeSpan CountFoldInterval { get; set; } = TimeSpan.FromMinutes(1);
}
