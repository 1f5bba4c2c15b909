using ActorSegments.Protos.V1;
using Spectre.Console;
using static ActorSegments.Cli.Rendering.StatisticFormats;

namespace ActorSegments.Cli.Rendering;

/// <summary>The effectiveness report: the ranking as a table, then each experiment's verdicts as sentences.</summary>
internal static class ExperimentReportView
{
    public static void Write(IAnsiConsole console, GetExperimentReportResponse report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Experiments.Count == 0)
        {
            console.MarkupLine("No running or stopped experiments yet: start one with [bold]experiments start NAME[/].");
            return;
        }

        console.MarkupLine(Markup.Escape($"experiments ranked by the relative lift of their best arm over the control on the primary metric ({ExperimentResultsView.FixedHorizon}), as of {Formats.Time(report.AsOf)}"));
        var table = new Table().AddColumns("rank", "experiment", "status", "metric", "best arm", "lift", "95% CI", "p (Holm)", "assigned", "targeted", "revenue / customer (control)");
        foreach (var entry in report.Experiments)
        {
            var lift = entry.RelativeLift;
            table.AddRow(
                entry.Rank.ToString(Formats.Culture),
                Markup.Escape(entry.ExperimentId),
                ExperimentView.Status(entry.Status),
                Markup.Escape(entry.Metric),
                Markup.Escape($"{entry.BestArm} vs {entry.ControlArm}"),
                lift is null ? "" : Change(lift.Estimate),
                Interval(lift?.Interval, Change),
                PValue(lift is { HasAdjustedPValue: true } ? lift.AdjustedPValue : null),
                Formats.Count(entry.Assigned),
                entry.HasTargetedShare ? $"{Formats.Count(entry.Targeted)} ({Percent(entry.TargetedShare, 1)})" : Formats.Count(entry.Targeted),
                entry.HasRevenuePerCustomer ? $"{Amount(entry.RevenuePerCustomer)} ({(entry.HasControlRevenuePerCustomer ? Amount(entry.ControlRevenuePerCustomer) : "")})" : "");
        }

        console.Write(table);
        foreach (var entry in report.Experiments)
        {
            console.MarkupLine(Markup.Escape($"{entry.ExperimentId}: {entry.Verdict}"));
            if (entry.SampleRatioMismatch)
            {
                console.MarkupLine(Markup.Escape($"  WARNING sample ratio mismatch in {entry.ExperimentId}: its figures are suspect (experiments results {entry.ExperimentId} has the check)"));
            }

            foreach (var verdict in entry.StrategyVerdicts)
            {
                console.MarkupLine(Markup.Escape($"  strategy: {verdict.Verdict}"));
            }
        }
    }
}
