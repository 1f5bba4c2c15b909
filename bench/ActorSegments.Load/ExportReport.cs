using System.Globalization;
using System.Text;

namespace ActorSegments.Load;

/// <summary>Exports as markdown: a row per exported segment.</summary>
internal static class ExportReport
{
    public static string Markdown(IEnumerable<ExportResult> exports)
    {
        var text = new StringBuilder();
        text.AppendLine($"| export over ListMembers, pages of {ApiLimits.MaxPageSize:N0} | segment | members exported / API count before–after | runs | members/s median (min–max) | seconds median (min–max) | pages |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var e in exports)
        {
            var what = e.Fill is { } fill
                ? string.Create(CultureInfo.InvariantCulture, $"a segment filled with {fill.Applied:N0} customers, one event each, at {fill.EventsPerSecond:N0}/s")
                : "the largest segment on the server";
            var exported = string.Join(", ", e.Runs.Select(r => r.Exported).Distinct().Select(n => n.ToString("N0", CultureInfo.InvariantCulture)));
            var check = e.CountMatches ? string.Empty : " (mismatch)";
            var order = e.Runs.All(r => r.Ordered) ? string.Empty : " (not in order)";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {what} | `{e.Target.Segment}` | {exported} / {e.CountBefore:N0}–{e.CountAfter:N0}{check}{order} | {e.Runs.Count} " +
                $"| {LoadReport.MedianRange(e.Runs.Select(r => r.MembersPerSecond))} | {LoadReport.MedianRange(e.Runs.Select(r => r.Elapsed.TotalSeconds), "0.00")} | {e.Runs[0].Pages} |");
        }

        return text.ToString();
    }
}
