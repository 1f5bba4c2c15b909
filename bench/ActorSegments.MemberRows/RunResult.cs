namespace ActorSegments.MemberRows;

/// <summary>
/// One run of one variant, over its measured window: commits completed, wall time, CPU seconds of the PostgreSQL
/// instance and of this process, WAL bytes, journal transactions, and every commit of the run (warm-up included) for
/// checking the rows the tables hold afterwards.
/// </summary>
internal sealed record RunResult(
    Variant Variant,
    int Round,
    long Commits,
    TimeSpan Elapsed,
    double PostgresCpuSeconds,
    double BenchCpuSeconds,
    long WalBytes,
    long Transactions,
    long AllCommits,
    long JournalRows,
    long LogRows,
    long WakeUpRows)
{
    public double CommitsPerSecond => Commits / Elapsed.TotalSeconds;

    public double PostgresMicrosPerCommit => PostgresCpuSeconds * 1e6 / Math.Max(Commits, 1);

    public double BenchMicrosPerCommit => BenchCpuSeconds * 1e6 / Math.Max(Commits, 1);

    public double WalBytesPerCommit => (double)WalBytes / Math.Max(Commits, 1);

    public double CommitsPerTransaction => (double)Commits / Math.Max(Transactions, 1);
}
