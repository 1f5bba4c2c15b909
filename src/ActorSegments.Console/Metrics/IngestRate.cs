using System.Diagnostics.Metrics;

namespace ActorSegments.WebConsole.Metrics;

/// <summary>
/// Counts the events this server applies (the server's <c>actorsegments.events.applied</c> counter, every workspace)
/// while at least one console page shows the rate: the listener exists only then, so the ingest path pays nothing for
/// the console when nobody looks.
/// </summary>
public sealed class IngestRate : IDisposable
{
    public const string AppliedInstrument = "actorsegments.events.applied";

    private readonly Lock _gate = new();
    private MeterListener? _listener;
    private int _watchers;
    private long _applied;

    /// <summary>Events applied since the first watcher started watching.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Starts counting (if nobody was); dispose the result to stop watching.</summary>
    public IDisposable Watch()
    {
        lock (_gate)
        {
            if (_watchers++ == 0)
            {
                _listener = new MeterListener
                {
                    InstrumentPublished = (instrument, listener) =>
                    {
                        if (instrument.Name == AppliedInstrument)
                        {
                            listener.EnableMeasurementEvents(instrument);
                        }
                    },
                };
                _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _applied, value));
                _listener.Start();
            }
        }

        return new Watcher(this);
    }

    private void Unwatch()
    {
        lock (_gate)
        {
            if (--_watchers == 0)
            {
                _listener?.Dispose();
                _listener = null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _listener?.Dispose();
            _listener = null;
        }
    }

    private sealed class Watcher(IngestRate rate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                rate.Unwatch();
            }
        }
    }
}
