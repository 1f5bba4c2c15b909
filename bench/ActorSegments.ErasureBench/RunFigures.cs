using System.Globalization;
using ActorSegments.BenchSupport;

namespace ActorSegments.ErasureBench;

/// <summary>One run's figures: erasures per second over the run, and per-call latency.</summary>
internal sealed record RunFigures(int Run, int Customers, double PerSecond, double P50Ms, double P99Ms)
{
    public const string Header = "| run | customers | erasures/s | p50 ms | p99 ms |\n|---|---|---|---|---|";

    public static string Row(RunFigures f) => string.Create(CultureInfo.InvariantCulture,
        $"| {(f.Run == 0 ? "median" : f.Run.ToString(CultureInfo.InvariantCulture))} | {f.Customers} | {f.PerSecond:0} | {f.P50Ms:0.0} | {f.P99Ms:0.0} |");

    public static RunFigures Median(IReadOnlyList<RunFigures> runs) => new(
        0,
        runs[0].Customers,
        Percentiles.Median(runs.Select(r => r.PerSecond)),
        Percentiles.Median(runs.Select(r => r.P50Ms)),
        Percentiles.Median(runs.Select(r => r.P99Ms)));
}
