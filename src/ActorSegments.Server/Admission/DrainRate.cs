namespace ActorSegments.Server.Admission;

/// <summary>
/// How fast this server finishes ingest work, in events a second: an exponentially weighted moving average of the
/// events that left the work in flight per second <em>while there was work in flight</em>. Idle time is not
/// counted, so a quiet minute does not make the server look slow; a stall with work in flight and nothing finishing
/// does, within seconds. Not thread-safe: its owner calls it under its lock.
/// </summary>
internal sealed class DrainRate(double initialPerSecond)
{
    /// <summary>Busy time gathered into one sample: long enough that a few group commits finish inside it.</summary>
    internal static readonly TimeSpan SampleAfter = TimeSpan.FromMilliseconds(500);

    /// <summary>How quickly older samples fade: a sample of t seconds weighs 1 - e^(-t / this).</summary>
    internal static readonly TimeSpan TimeConstant = TimeSpan.FromSeconds(2);

    /// <summary>The estimate never falls below this, so a stalled server gives long but finite waits.</summary>
    internal const double Slowest = 1;

    private double _perSecond = initialPerSecond;
    private TimeSpan _busy;
    private long _finished;

    /// <summary>Events a second, as last estimated.</summary>
    public double PerSecond => Math.Max(_perSecond, Slowest);

    /// <summary>Counts events that left the work in flight (whether they were stored or failed: either way they drained).</summary>
    public void Finished(int events) => _finished += events;

    /// <summary>
    /// Time passed since the previous call, and whether work was in flight all along it; folds the gathered busy time
    /// into the estimate once it makes a sample.
    /// </summary>
    public void Advance(TimeSpan elapsed, bool busy)
    {
        if (busy && elapsed > TimeSpan.Zero)
        {
            _busy += elapsed;
        }

        if (_busy < SampleAfter)
        {
            return;
        }

        var seconds = _busy.TotalSeconds;
        var sample = _finished / seconds;
        var weight = 1 - Math.Exp(-seconds / TimeConstant.TotalSeconds);
        _perSecond += weight * (sample - _perSecond);
        _busy = TimeSpan.Zero;
        _finished = 0;
    }
}
