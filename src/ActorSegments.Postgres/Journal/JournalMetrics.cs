using System.Diagnostics.Metrics;

namespace ActorSegments.Postgres.Journal;

/// <summary>
/// The group commit as operators watch it: how long each journal transaction takes and how much it carries (the
/// batching that keeps PostgreSQL round trips per event low), what it committed, what failed, and how much waits.
/// </summary>
internal static class JournalMetrics
{
    public const string MeterName = "ActorSegments.Journal";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> FlushDuration = Meter.CreateHistogram<double>(
        "actorsegments.journal.flush.duration", "s", "Duration of one journal transaction (COPY of events, membership, counts, wake-ups, commit)",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Histogram<int> FlushCommits = Meter.CreateHistogram<int>(
        "actorsegments.journal.flush.commits", "{commit}", "Customer commits carried by one journal transaction",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048] });

    private static readonly Histogram<int> FlushRows = Meter.CreateHistogram<int>(
        "actorsegments.journal.flush.rows", "{row}", "Journal entries and membership changes written by one journal transaction",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384] });

    private static readonly Counter<long> CommittedEntries = Meter.CreateCounter<long>(
        "actorsegments.events.committed", "{event}", "Events (and trait updates, model outputs) committed to the journal");

    private static readonly Counter<long> FailedFlushes = Meter.CreateCounter<long>(
        "actorsegments.journal.flush.failures", "{transaction}", "Journal transactions that failed; their callers got no acknowledgement");

    private static readonly UpDownCounter<long> Queued = Meter.CreateUpDownCounter<long>(
        "actorsegments.journal.queued", "{commit}", "Customer commits waiting for the next journal transaction");

    public static void Enqueued() => Queued.Add(1);

    public static void Dequeued(int commits) => Queued.Add(-commits);

    public static void Flushed(TimeSpan duration, int commits, int rows, int entries)
    {
        FlushDuration.Record(duration.TotalSeconds);
        FlushCommits.Record(commits);
        FlushRows.Record(rows);
        CommittedEntries.Add(entries);
    }

    public static void Failed(TimeSpan duration)
    {
        FlushDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "failed"));
        FailedFlushes.Add(1);
    }
}
