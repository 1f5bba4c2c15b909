using ActorSegments.Server.Observability;

namespace ActorSegments.Server.Admission;

/// <summary>
/// Logs shedding at most once per <see cref="Interval"/>, with the number of requests refused since the last line:
/// under overload thousands of refusals a second must not become thousands of log lines.
/// </summary>
internal sealed partial class ShedLog(ILogger<ShedLog> logger, TimeProvider time, ClientErrorLog refusals)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private long _unlogged;
    private long _nextAt = long.MinValue;

    public void Shed(AdmissionRefusal refusal)
    {
        refusals.MarkReported(); // this line stands for the request: no line of its own per refused call
        Interlocked.Increment(ref _unlogged);
        var now = time.GetTimestamp();
        var due = Interlocked.Read(ref _nextAt);
        if (now < due || Interlocked.CompareExchange(ref _nextAt, now + (long)(Interval.TotalSeconds * time.TimestampFrequency), due) != due)
        {
            return;
        }

        LogShedding(logger, Interlocked.Exchange(ref _unlogged, 0), Interval.TotalSeconds, refusal.Reason, refusal.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overloaded: {Refused} ingest requests refused with RESOURCE_EXHAUSTED since the last such line (at most one every {Seconds} s); the latest for {Reason}: {Detail}")]
    private static partial void LogShedding(ILogger logger, long refused, double seconds, ShedReason reason, string detail);
}
