namespace ActorSegments.Postgres.Journal;

/// <summary>Limits of the group-commit journal writer and of the grouped customer loads.</summary>
public sealed record JournalOptions
{
    /// <summary>Transactions written at the same time (each on its own connection).</summary>
    public int Writers { get; init; } = 2;

    /// <summary>Commits that may wait for a transaction; beyond this a commit is refused (the caller backs off).</summary>
    public int MaxPendingCommits { get; init; } = 20_000;

    /// <summary>Most customer commits in one transaction.</summary>
    public int MaxBatchCommits { get; init; } = 4_000;

    /// <summary>Most rows (events plus membership changes) in one transaction.</summary>
    public int MaxBatchRows { get; init; } = 40_000;

    /// <summary>
    /// Most snapshot bytes in one transaction: a shutdown queues a snapshot per active customer at once, and heavy
    /// customers' snapshots run to hundreds of KB (the event id fingerprints), so commits alone would not bound it.
    /// </summary>
    public long MaxBatchSnapshotBytes { get; init; } = 32L << 20;

    /// <summary>Customer loads read at the same time (each a statement on its own connection).</summary>
    public int Readers { get; init; } = 2;

    /// <summary>Most customers read by one statement.</summary>
    public int MaxLoadGroup { get; init; } = 256;

    /// <summary>
    /// How often the segment count slots of connections that have closed are folded into the base counts (also once
    /// at start). Their number grows by one per segment for each connection that wrote counts and closed meanwhile.
    /// </summary>
    public TimeSpan CountFoldInterval { get; init; } = TimeSpan.FromMinutes(1);
}
