using System.Diagnostics.Metrics;

namespace ActorSegments.Postgres.Journal;

/// <summary>
/// The group commit as operators watch it: how long each journal transaction takes and how much it carries (the
/// batching that keeps PostgreSQL round trips per event low), what it committed, what failed, and how much waits.
/// One per journal, on the host's <see cref="IMeterFactory"/>; a journal built without one (tests, benchmarks) owns a
/// meter of its own, disposed with it.
/// </summary>
internal sealed class JournalMetrics : IDisposable
{
    public const string MeterName = "ActorSegments.Journal";

    private readonly Meter? _owned;

    private readonly Histogram<double> _flushDuration;
    private readonly Histogram<int> _flushCommits;
    private readonly Histogram<int> _flushRows;
    private readonly Counter<long> _committedEntries;
    private readonly Counter<long> _failedFlushes;
    private readonly UpDownCounter<long> _queued;

    public JournalMetrics(IMeterFactory? meters)
    {
        _owned = meters is null ? new Meter(MeterName) : null;
        var meter = meters?.Create(MeterName) ?? _owned!;
        _flushDuration = meter.CreateHistogram<double>(
            "actorsegments.journal.flush.duration", "s", "Duration of one journal transaction (COPY of events, membership, counts, wake-ups, commit)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _flushCommits = meter.CreateHistogram<int>(
            "actorsegments.journal.flush.commits", "{commit}", "Customer commits carried by one journal transaction",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048] });
        _flushRows = meter.CreateHistogram<int>(
            "actorsegments.journal.flush.rows", "{row}", "Journal entries and membership changes written by one journal transaction",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384] });
        _committedEntries = meter.CreateCounter<long>(
            "actorsegments.events.committed", "{event}", "Events (and trait updates, model outputs) committed to the journal");
        _failedFlushes = meter.CreateCounter<long>(
            "actorsegments.journal.flush.failures", "{transaction}", "Journal transactions that failed; their callers got no acknowledgement");
        _queued = meter.CreateUpDownCounter<long>(
            "actorsegments.journal.queued", "{commit}", "Customer commits waiting for the next journal transaction");
    }

    public void Enqueued() => _queued.Add(1);

    public void Dequeued(int commits) => _queued.Add(-commits);

    public void Flushed(TimeSpan duration, int commits, int rows, int entries)
    {
        _flushDuration.Record(duration.TotalSeconds);
        _flushCommits.Record(commits);
        _flushRows.Record(rows);
        _committedEntries.Add(entries);
    }

    public void Failed(TimeSpan duration)
    {
        _flushDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "failed"));
        _failedFlushes.Add(1);
    }

    public void Dispose() => _owned?.Dispose();
}
