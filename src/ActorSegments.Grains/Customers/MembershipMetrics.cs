using System.Diagnostics.Metrics;
using ActorSegments.Domain.Segments;

namespace ActorSegments.Grains.Customers;

/// <summary>
/// Segment membership as it is committed: entries and exits by cause, and for changes caused by time alone how long
/// after their deadline they were recorded — the number that says whether "exactly at the deadline" holds under load
/// and across silo failures. One per silo, on the silo's <see cref="IMeterFactory"/>.
/// </summary>
public sealed class MembershipMetrics
{
    private static readonly Dictionary<MembershipCause, string> CauseNames =
        Enum.GetValues<MembershipCause>().ToDictionary(c => c, c => c.ToString().ToLowerInvariant());

    private readonly Counter<long> _changes;
    private readonly Histogram<double> _wakeUpLateness;

    public MembershipMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Segments.MembershipMeter.Name);
        _changes = meter.CreateCounter<long>(
            "actorsegments.segments.membership_changes", "{change}", "Segment entries and exits committed, by change (enter, exit) and cause (event, time, trait, definition, ...)");
        _wakeUpLateness = meter.CreateHistogram<double>(
            "actorsegments.wakeups.lateness", "s", "For membership changes caused by time: how long after the deadline the change was committed",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600] });
    }

    public void Committed(IReadOnlyList<MembershipChange> changes, DateTimeOffset committedAt)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0 || (!_changes.Enabled && !_wakeUpLateness.Enabled))
        {
            return;
        }

        var nowSeconds = committedAt.ToUnixTimeMilliseconds() / 1000.0;
        foreach (var change in changes)
        {
            _changes.Add(1, new KeyValuePair<string, object?>("change", change.Entered ? "enter" : "exit"), new KeyValuePair<string, object?>("cause", CauseName(change.Cause)));
            if (change.Cause == MembershipCause.Time)
            {
                _wakeUpLateness.Record(Math.Max(0, nowSeconds - change.At));
            }
        }
    }

    private static string CauseName(MembershipCause cause) => CauseNames.GetValueOrDefault(cause, "other");
}
