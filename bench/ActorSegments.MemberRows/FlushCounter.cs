using System.Diagnostics.Metrics;

namespace ActorSegments.MemberRows;

/// <summary>Counts the journal's transactions and the commits they carried, from its own metrics.</summary>
internal sealed class FlushCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _transactions;
    private long _commits;

    public FlushCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "ActorSegments.Journal", Name: "actorsegments.journal.flush.commits" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, commits, _, _) =>
        {
            Interlocked.Increment(ref _transactions);
            Interlocked.Add(ref _commits, commits);
        });
        _listener.Start();
    }

    public (long Transactions, long Commits) Read() => (Interlocked.Read(ref _transactions), Interlocked.Read(ref _commits));

    public void Dispose() => _listener.Dispose();
}
