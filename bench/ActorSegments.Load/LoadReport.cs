using System.Globalization;
using System.Text;

namespace ActorSegments.Load;

/// <summary>
/// An invocation's results as markdown: the raw COPY baseline, the ingest scenarios (medians with min and max over
/// runs, and as multiples of the baselines), the change feeds followed, and the exports.
/// </summary>
public static class LoadReport
{
    public static string Markdown(LoadResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sections = new List<string>();
        if (results.RawCopy is { } raw)
        {
            sections.Add(RawCopy(raw));
        }

        if (results.Scenarios.Count > 0)
        {
            sections.Add(Ingest(results.Scenarios, results.Baselines));
        }

        sections.AddRange(results.Scenarios.Where(s => s.Runs.Any(r => r.Feed is not null)).Select(FeedLagReport.Markdown));
        if (results.Exports.Count > 0)
        {
            sections.Add(ExportReport.Markdown(results.Exports));
        }

        if (results.Overloads.Count > 0)
        {
            sections.Add(OverloadReport.Markdown(results.Overloads));
        }

        return string.Join(Environment.NewLine, sections);
    }

    /// <summary>"median (min–max)" of a handful of runs' rates.</summary>
    public static string MedianRange(IEnumerable<double> values, string format = "N0")
    {
        var all = values.ToList();
        return all.Count == 0
            ? "–"
            : string.Create(CultureInfo.InvariantCulture, $"{BenchSupport.Percentiles.Median(all).ToString(format, CultureInfo.InvariantCulture)} ({all.Min().ToString(format, CultureInfo.InvariantCulture)}–{all.Max().ToString(format, CultureInfo.InvariantCulture)})");
    }

    private static string RawCopy(RawCopyResult raw)
    {
        var text = new StringBuilder();
        text.AppendLine("| raw binary COPY of the scenario's events as journal rows (scratch table LIKE customer_journal, 10,000 rows a transaction, one connection) | rows | runs | rows/s median (min–max) |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| baseline | {raw.Rows:N0} | {raw.RowsPerSecond.Count} | {MedianRange(raw.RowsPerSecond)} |");
        return text.ToString();
    }

    private static string Ingest(IEnumerable<ScenarioResult> scenarios, Baselines baselines)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | mode | batch | loop | customers | runs | events/s median (min–max) | median as multiple of | applied / duplicates / sent | ack ms p50 / p99 / p999 | enter ms p50 / p99 / p999 (probes) | CPU µs per event, median |");
        text.AppendLine("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in scenarios)
        {
            var o = s.Options;
            var loop = s.OpenLoop ? string.Create(CultureInfo.InvariantCulture, $"open, {o.Rate:N0}/s") : $"closed, {o.Concurrency} callers";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {o.Mode.ToString().ToLowerInvariant()} | {o.EventsPerRequest} | {loop} | {o.Customers:N0} | {s.Runs.Count} " +
                $"| {MedianRange(s.Runs.Select(r => r.EventsPerSecond))} | {baselines.Ratios(s.MedianEventsPerSecond)} " +
                $"| {s.Runs.Sum(r => r.Applied):N0} / {s.Runs.Sum(r => r.Duplicates):N0} / {s.Runs.Sum(r => r.Sent):N0} " +
                $"| {Percentiles(s.Runs.SelectMany(r => r.AckMs), "0.0", 0.5, 0.99, 0.999)} | {Percentiles(s.Runs.SelectMany(r => r.EnterMs), "0.0", 0.5, 0.99, 0.999)}{Probes(s)} | {CpuPerEvent(s)} |");
        }

        return text.ToString();
    }

    /// <summary>The given percentiles of <paramref name="samples"/>, separated by slashes; "–" when there are none.</summary>
    public static string Percentiles(IEnumerable<double> samples, string format, params double[] percentiles)
    {
        var all = samples.ToList();
        return all.Count == 0
            ? "–"
            : string.Join(" / ", percentiles.Select(p => BenchSupport.Percentiles.Of(all, p).ToString(format, CultureInfo.InvariantCulture)));
    }

    /// <summary>"server 40 · postgres 25 · generator 12": each process's median over runs; "–" when none was watched.</summary>
    private static string CpuPerEvent(ScenarioResult s)
    {
        var names = s.Runs.SelectMany(r => r.CpuSeconds.Keys).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0
            ? "–"
            : string.Join(" · ", names.Select(n => string.Create(CultureInfo.InvariantCulture,
                $"{n} {BenchSupport.Percentiles.Median(s.Runs.Select(r => r.CpuMicrosecondsPerEvent.GetValueOrDefault(n))):N1}")));
    }

    private static string Probes(ScenarioResult s) =>
        s.OpenLoop ? string.Create(CultureInfo.InvariantCulture, $" ({s.Runs.Sum(r => r.EnterMs.Count)} of {s.Runs.Sum(r => r.ProbesSent)})") : string.Empty;
}
