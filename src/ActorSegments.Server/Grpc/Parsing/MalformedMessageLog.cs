using ActorSegments.Server.Observability;

namespace ActorSegments.Server.Grpc.Parsing;

/// <summary>
/// Logs refused unparseable messages at most once per <see cref="Interval"/>, with how many there were: anyone who
/// reaches the port can send them, so one line a minute says it happens without letting them fill the log.
/// </summary>
internal sealed partial class MalformedMessageLog(ILogger<MalformedMessageLog> logger, TimeProvider time, ClientErrorLog refusals)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ReportThrottle _throttle = new(Interval, time);

    public void Refused(string method, string reason)
    {
        refusals.MarkReported(); // here, or on purpose not at all: no line per request
        if (_throttle.Occurred() is { } count)
        {
            LogRefused(count, Interval, method, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Refused {Count} request message(s) that could not be parsed (INVALID_ARGUMENT) since the last report, at most one per {Interval}; the latest: {Method}: {Reason}")]
    private partial void LogRefused(long count, TimeSpan interval, string method, string reason);
}
