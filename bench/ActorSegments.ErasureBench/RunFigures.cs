using System.Globalization;

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
        Middle(runs.Select(r => r.PerSecond)),
        Middle(runs.Select(r => r.P50Ms)),
        Middle(runs.Select(r => r.P99Ms)));

    private static double Middle(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
