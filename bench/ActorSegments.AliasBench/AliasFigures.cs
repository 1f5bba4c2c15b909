using System.Globalization;
using ActorSegments.BenchSupport;

namespace ActorSegments.AliasBench;

/// <summary>One run: links applied per second, Alias latency (ms) and how many links and events were applied.</summary>
internal sealed record AliasFigures(string Run, double MergesPerSecond, double P50Ms, double P99Ms, int Applied, long MergedEvents)
{
    public const string Header = "| run | merges/s | p50 ms | p99 ms | applied | events moved |\n|---|---|---|---|---|---|";

    public string Row() => string.Create(CultureInfo.InvariantCulture, $"| {Run} | {MergesPerSecond:0} | {P50Ms:0.0} | {P99Ms:0.0} | {Applied} | {MergedEvents} |");

    public static AliasFigures Median(IReadOnlyList<AliasFigures> runs) => new(
        "median",
        Percentiles.Median(runs.Select(r => r.MergesPerSecond)),
        Percentiles.Median(runs.Select(r => r.P50Ms)),
        Percentiles.Median(runs.Select(r => r.P99Ms)),
        (int)Percentiles.Median(runs.Select(r => (double)r.Applied)),
        (long)Percentiles.Median(runs.Select(r => (double)r.MergedEvents)));
}
