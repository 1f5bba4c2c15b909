using System.Globalization;
using System.Text;

namespace ActorSegments.Load;

/// <summary>Scenario results as one markdown table: medians with min and max over runs.</summary>
public static class LoadReport
{
    public static string Markdown(IEnumerable<ScenarioResult> scenarios)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | mode | batch | loop | customers | runs | events/s median (min–max) | applied / duplicates / sent | ack ms p50 / p99 / p999 | enter ms p50 / p99 / p999 (probes) |");
        text.AppendLine("|---|---|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in scenarios)
        {
            var o = s.Options;
            var rates = s.Runs.Select(r => r.EventsPerSecond).ToList();
            var loop = s.OpenLoop ? string.Create(CultureInfo.InvariantCulture, $"open, {o.Rate:N0}/s") : $"closed, {o.Concurrency} callers";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {o.Mode.ToString().ToLowerInvariant()} | {o.EventsPerRequest} | {loop} | {o.Customers:N0} | {s.Runs.Count} " +
                $"| {Stats.Median(rates):N0} ({rates.Min():N0}–{rates.Max():N0}) | {s.Runs.Sum(r => r.Applied):N0} / {s.Runs.Sum(r => r.Duplicates):N0} / {s.Runs.Sum(r => r.Sent):N0} " +
                $"| {Latencies(s.Runs.SelectMany(r => r.AckMs))} | {Latencies(s.Runs.SelectMany(r => r.EnterMs))}{Probes(s)} |");
        }

        return text.ToString();
    }

    private static string Latencies(IEnumerable<double> samples)
    {
        var all = samples.ToList();
        return all.Count == 0
            ? "–"
            : string.Create(CultureInfo.InvariantCulture, $"{Stats.Percentile(all, 0.5):0.0} / {Stats.Percentile(all, 0.99):0.0} / {Stats.Percentile(all, 0.999):0.0}");
    }

    private static string Probes(ScenarioResult s) =>
        s.OpenLoop ? string.Create(CultureInfo.InvariantCulture, $" ({s.Runs.Sum(r => r.EnterMs.Count)} of {s.Runs.Sum(r => r.ProbesSent)})") : string.Empty;
}
