namespace ActorSegments.Server.Grpc.Parsing;

/// <summary>
/// Counts occurrences and lets one report through per <paramref name="interval"/>: the first at once, then the next
/// one after the interval has passed, carrying how many occurred since the last report.
/// </summary>
internal sealed class ReportThrottle(TimeSpan interval, TimeProvider time)
{
    private readonly Lock _lock = new();
    private long _unreported;
    private long? _lastReport;

    /// <summary>Records one occurrence; the number to report (this one included), or null while the interval runs.</summary>
    public long? Occurred()
    {
        lock (_lock)
        {
            _unreported++;
            var now = time.GetTimestamp();
            if (_lastReport is { } last && time.GetElapsedTime(last, now) < interval)
            {
                return null;
            }

            var count = _unreported;
            (_unreported, _lastReport) = (0, now);
            return count;
        }
    }
}
