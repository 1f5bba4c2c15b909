using ActorSegments.BenchSupport;

namespace ActorSegments.SqlBaseline;

/// <summary>
/// Events sent through the server with the segments live, from the first send until the membership log settled:
/// CPU of the server process and of the whole PostgreSQL instance, the membership changes it logged, and the net
/// changes between the members before and after (what a refresh-based system would see: no enter-then-exit).
/// </summary>
public sealed record ServerPhase(string Name, long Events, TimeSpan Wall, double ServerCpu, double PostgresCpu, long Changes, long NetChanges, IReadOnlyList<LogLag> Lag)
{
    public double CpuPerChange => Changes == 0 ? double.NaN : (ServerCpu + PostgresCpu) / Changes;

    public double CpuPerNetChange => NetChanges == 0 ? double.NaN : (ServerCpu + PostgresCpu) / NetChanges;
}

/// <summary>
/// The same events appended to the plain table (COPY, PostgreSQL instance CPU) and one full refresh after them,
/// with the memberships that refresh changed against the previous one (enters + exits).
/// </summary>
public sealed record SqlPhase(string Name, long Events, double CopyCpu, RefreshCost Refresh, long Changes)
{
    public double CpuPerChange => Changes == 0 ? double.NaN : (CopyCpu + Refresh.BackendCpuSeconds) / Changes;

    public double RefreshCpuPerChange => Changes == 0 ? double.NaN : Refresh.BackendCpuSeconds / Changes;
}

/// <summary>Median (<see cref="Percentiles.Median"/>), minimum and maximum of repeated measurements.</summary>
public readonly record struct Spread(double Median, double Min, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return new Spread(Percentiles.Median(sorted), sorted[0], sorted[^1]);
    }
}
