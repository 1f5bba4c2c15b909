using ActorSegments.BenchSupport;

namespace ActorSegments.Load;

/// <summary>
/// What one run measured. Rates count acknowledged events (applied or recognized as duplicates) over the wall time
/// from the first send to the last acknowledgement. Latencies are in milliseconds, empty in closed loop.
/// <see cref="Feed"/> is the followed segment's change feed, when the run had followers.
/// </summary>
public sealed record RunResult(
    long Sent,
    long Applied,
    long Duplicates,
    TimeSpan Elapsed,
    IReadOnlyList<double> AckMs,
    IReadOnlyList<double> EnterMs,
    int ProbesSent,
    FeedLagRun? Feed = null)
{
    /// <summary>CPU seconds each watched process (and the generator) spent during the run; empty when none was watched.</summary>
    public IReadOnlyDictionary<string, double> CpuSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>Microseconds of CPU per acknowledged event, by process.</summary>
    public IReadOnlyDictionary<string, double> CpuMicrosecondsPerEvent =>
        CpuSeconds.ToDictionary(p => p.Key, p => p.Value * 1e6 / Math.Max(Acknowledged, 1), StringComparer.Ordinal);

    public long Acknowledged => Applied + Duplicates;

    public double EventsPerSecond => Acknowledged / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>One scenario's options and the results of its runs.</summary>
public sealed record ScenarioResult(string Name, LoadOptions Options, IReadOnlyList<RunResult> Runs)
{
    public bool OpenLoop => Options.Rate > 0;

    public double MedianEventsPerSecond => Percentiles.Median(Runs.Select(r => r.EventsPerSecond));
}
