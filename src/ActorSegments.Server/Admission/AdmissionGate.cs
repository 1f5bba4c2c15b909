using System.Globalization;
using ActorSegments.Server.Configuration;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Admission;

/// <summary>
/// Admission control for ingest, in two steps. Before a unary request's body is read it must find room among the
/// requests in flight (<see cref="TryEnterRequest"/>): a cheap refusal that also bounds the bodies held in memory.
/// Once its event count is known — a unary call, or each batch of a stream — its events must fit under the bound on
/// events in flight, and, when it has a deadline, the work ahead of it must be able to drain before that deadline at
/// the measured rate (<see cref="TryAdmit"/>). A refused request gets a retry delay of the time the work in flight
/// needs to drain, bounded. Nothing waits here: every decision is immediate, so overload is shed, never queued.
/// </summary>
internal sealed class AdmissionGate
{
    private readonly Lock _lock = new();
    private readonly AdmissionOptions _options;
    private readonly TimeProvider _time;
    private readonly DrainRate _drain;
    private long _lastObserved;
    private long _events;
    private int _requests;

    public AdmissionGate(IOptions<AdmissionOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _drain = new DrainRate(_options.InitialDrainRate);
        _lastObserved = time.GetTimestamp();
    }

    public bool Enabled => _options.Enabled;

    public long EventsInFlight
    {
        get
        {
            lock (_lock)
            {
                return _events;
            }
        }
    }

    public int RequestsInFlight => Volatile.Read(ref _requests);

    /// <summary>Events a second this server has been finishing while it had work (the estimate behind waits and delays).</summary>
    public double DrainPerSecond
    {
        get
        {
            lock (_lock)
            {
                Observe();
                return _drain.PerSecond;
            }
        }
    }

    /// <summary>
    /// Before a unary ingest request's body is read: null when it may proceed (then <see cref="LeaveRequest"/> must
    /// follow), else the refusal. Refused too when the events in flight are already at their bound (its events could
    /// not be admitted, so its body is not worth reading) or when <paramref name="remaining"/> of its deadline is
    /// shorter than the drain of the work already in flight.
    /// </summary>
    public AdmissionRefusal? TryEnterRequest(TimeSpan? remaining)
    {
        if (!_options.Enabled)
        {
            return null;
        }

        lock (_lock)
        {
            Observe();
            AdmissionRefusal? refusal =
                _requests >= _options.MaxRequestsInFlight ? Refuse(ShedReason.RequestsInFlight, FormattableString.Invariant($"The server is at its limit of {_options.MaxRequestsInFlight:N0} ingest requests in progress"))
                : _events >= _options.MaxEventsInFlight ? EventsRefusal()
                : Late(remaining, 0);
            if (refusal is null)
            {
                _requests++;
            }

            return refusal;
        }
    }

    public void LeaveRequest()
    {
        if (!_options.Enabled)
        {
            return;
        }

        lock (_lock)
        {
            _requests--;
        }
    }

    /// <summary>
    /// Once a request's event count is known: null when its <paramref name="events"/> are admitted (then
    /// <see cref="Release"/> must follow with the same count), else the refusal. An idle server admits anything: there
    /// is no queue of its own to wait behind, and a drain estimate left low by a stall must not keep every call out
    /// (only admitted work can measure it again).
    /// </summary>
    public AdmissionRefusal? TryAdmit(int events, TimeSpan? remaining)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        if (!_options.Enabled)
        {
            return null;
        }

        lock (_lock)
        {
            Observe();
            var refusal = _events == 0 ? null
                : _events + events > _options.MaxEventsInFlight ? EventsRefusal()
                : Late(remaining, events);
            if (refusal is null)
            {
                _events += events;
            }

            return refusal;
        }
    }

    /// <summary>The admitted events have finished (stored or failed): they no longer count, and they count as drained.</summary>
    public void Release(int events)
    {
        if (!_options.Enabled)
        {
            return;
        }

        lock (_lock)
        {
            _drain.Finished(events);
            Observe();
            _events -= events;
        }
    }

    /// <summary>Moves the drain estimate up to now; the time since the last look was busy if events were in flight.</summary>
    private void Observe()
    {
        var now = _time.GetTimestamp();
        _drain.Advance(_time.GetElapsedTime(_lastObserved, now), _events > 0);
        _lastObserved = now;
    }

    private TimeSpan Drain(long events) => TimeSpan.FromSeconds(events / _drain.PerSecond);

    private AdmissionRefusal EventsRefusal() => Refuse(ShedReason.EventsInFlight, FormattableString.Invariant(
        $"The server is at its limit of {_options.MaxEventsInFlight:N0} events in progress ({_events:N0} now, finishing about {_drain.PerSecond:N0} a second)"));

    /// <summary>The refusal of a request whose deadline ends before the work ahead of it (and its own) would drain.</summary>
    private AdmissionRefusal? Late(TimeSpan? remaining, int events)
    {
        if (remaining is not { } left || _events == 0)
        {
            return null;
        }

        var wait = Drain(_events + events);
        return wait <= left ? null : Refuse(ShedReason.Deadline, string.Create(CultureInfo.InvariantCulture,
            $"The server estimates {wait.TotalSeconds:0.0} s until this request's events would be stored ({_events:N0} events ahead of it, finishing about {_drain.PerSecond:N0} a second), but its deadline ends in {Math.Max(left.TotalSeconds, 0):0.0} s, so it was refused rather than run late"));
    }

    private AdmissionRefusal Refuse(ShedReason reason, string situation)
    {
        var delay = Drain(_events);
        delay = delay < _options.MinRetryDelay ? _options.MinRetryDelay : delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
        return new AdmissionRefusal(reason, delay, string.Create(CultureInfo.InvariantCulture,
            $"{situation}; nothing from this request was applied. Retry it with the same event ids after {delay.TotalSeconds:0.0##} s (google.rpc.RetryInfo), with jitter, backing off further if it persists."));
    }
}
