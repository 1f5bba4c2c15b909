using System.Globalization;
using System.Text;
using ActorSegments.BenchSupport;
using Grpc.Core;

namespace ActorSegments.Load;

/// <summary>
/// Overload scenarios as markdown: per level, how the calls ended (summed over runs), the events stored per second
/// (median over runs, and as a multiple of the capacity), the latency of OK calls and of refusals (pooled over runs),
/// and the server's largest resident set.
/// </summary>
public static class OverloadReport
{
    public static string Markdown(IEnumerable<OverloadResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        foreach (var result in results)
        {
            var o = result.Options;
            var capacity = result.CapacityMeasured ? "measured here (closed loop, known customers)" : "given";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{result.Name}: capacity {result.Capacity:N0} events/s ({capacity}); batches of {o.BatchSize}, {o.Connections} HTTP/2 connections, {o.Deadline.TotalSeconds:0} s deadline, no retries, {o.Duration.TotalSeconds:0} s per level, {o.Runs} run(s) each (a burst once)");
            text.AppendLine();
            text.AppendLine("| level | offered events/s (sent) | calls | OK · RESOURCE_EXHAUSTED · DEADLINE_EXCEEDED · other | stored events/s median (min–max) | stored / capacity | OK call ms p50 / p99 | refusal ms p50 / p99 | server RSS peak MB |");
            text.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|");
            foreach (var level in result.Levels.Where(l => l.Runs.Count > 0))
            {
                var runs = level.Runs;
                var other = runs.Sum(r => r.Calls - r.Count(StatusCode.OK) - r.Count(StatusCode.ResourceExhausted) - r.Count(StatusCode.DeadlineExceeded));
                var offered = level.Multiple > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{level.OfferedPerSecond:N0} ({Percentiles.Median(runs.Select(r => r.SentPerSecond)):N0})")
                    : string.Create(CultureInfo.InvariantCulture, $"at once (in {Percentiles.Median(runs.Select(r => r.Sending.TotalSeconds)):0.0} s)");
                var peak = runs.Select(r => r.PeakServerBytes).Max() is { } bytes ? (bytes / 1_048_576.0).ToString("N0", CultureInfo.InvariantCulture) : "–";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {level.Label} | {offered} | {runs.Sum(r => r.Calls):N0} " +
                    $"| {runs.Sum(r => r.Count(StatusCode.OK)):N0} · {runs.Sum(r => r.Count(StatusCode.ResourceExhausted)):N0} · {runs.Sum(r => r.Count(StatusCode.DeadlineExceeded)):N0} · {other:N0}{Others(runs)} " +
                    $"| {LoadReport.MedianRange(runs.Select(r => r.StoredPerSecond))} | {Percentiles.Median(runs.Select(r => r.StoredPerSecond)) / result.Capacity:0.00} " +
                    $"| {LoadReport.Percentiles(runs.SelectMany(r => r.OkMs), "N0", 0.5, 0.99)} | {LoadReport.Percentiles(runs.SelectMany(r => r.RefusedMs), "N1", 0.5, 0.99)} | {peak} |");
            }

            foreach (var failure in result.Levels.SelectMany(l => l.Failures))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- not measured: {failure}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>" (UNAVAILABLE 3, CANCELLED 1)" for statuses other than the three columns; empty when there are none.</summary>
    private static string Others(IReadOnlyList<OverloadRun> runs)
    {
        var others = runs.SelectMany(r => r.Statuses)
            .Where(s => s.Key is not (StatusCode.OK or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded))
            .GroupBy(s => s.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Sum(s => s.Value):N0}"))
            .ToList();
        return others.Count == 0 ? string.Empty : $" ({string.Join(", ", others)})";
    }
}
