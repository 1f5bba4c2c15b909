using System.Globalization;

namespace ActorSegments.AliasBench;

/// <summary>One run: links applied per second, Alias latency (ms) and how many links and events were applied.</summary>
internal sealed record AliasFigures(string Run, double MergesPerSecond, double P50Ms, double P99Ms, int Applied, long MergedEvents)
{
    public const string Header = "| run | merges/s | p50 ms | p99 ms | applied | events moved |\n|---|---|---|---|---|---|";

    public string Row() => string.Create(CultureInfo.InvariantCulture, $"| {Run} | {MergesPerSecond:0} | {P50Ms:0.0} | {P99Ms:0.0} | {Applied} | {MergedEvents} |");

    public static AliasFigures Median(IReadOnlyList<AliasFigures> runs) => new(
        "median",
        MedianOf(runs.Select(r => r.MergesPerSecond)),
        MedianOf(runs.Select(r => r.P50Ms)),
        MedianOf(runs.Select(r => r.P99Ms)),
        (int)MedianOf(runs.Select(r => (double)r.Applied)),
        (long)MedianOf(runs.Select(r => (double)r.MergedEvents)));

    /// <summary>The nearest-rank percentile of ascending <paramref name="sorted"/>.</summary>
    public static double Rank(IReadOnlyList<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double MedianOf(IEnumerable<double> values) => Rank([.. values.Order()], 0.5);
}
