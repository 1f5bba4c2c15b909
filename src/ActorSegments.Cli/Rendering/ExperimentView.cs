using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Rendering;

/// <summary>Experiment definitions: one in detail (summary, arms, metrics), or many as a list.</summary>
internal static class ExperimentView
{
    public static void Write(IAnsiConsole console, Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(experiment);
        console.MarkupLine($"experiment [bold]{Markup.Escape(experiment.ExperimentId)}[/]: {Markup.Escape(experiment.Name)}");
        var summary = new Grid().AddColumn().AddColumn();
        foreach (var (label, value) in new[]
        {
            ("status", Status(experiment.Status)),
            ("version", experiment.Version.ToString(Formats.Culture)),
            ("channel", experiment.Channel),
            ("assignment", experiment.Assignment == AssignmentMode.External ? $"external, from '{experiment.External?.EventType}' events" : "randomized"),
            ("audience", experiment.Audience),
            ("audience segment", experiment.AudienceSegmentId),
            ("salt", experiment.Salt),
            ("created", Formats.Time(experiment.CreatedAt)),
            ("started", Formats.Time(experiment.StartedAt)),
            ("stopped", Formats.Time(experiment.StoppedAt)),
        })
        {
            if (value.Length > 0)
            {
                summary.AddRow(label, Markup.Escape(value));
            }
        }

        console.Write(summary);
        var weights = experiment.Arms.Sum(a => a.Weight);
        var arms = new Table().AddColumns("arm", "weight", "share", "control", "targeting", "segment (to message)");
        foreach (var arm in experiment.Arms)
        {
            arms.AddRow([.. new[]
            {
                arm.Name, Formats.Number(arm.Weight), weights > 0 ? StatisticFormats.Percent(arm.Weight / weights, 1) : "", arm.Control ? "holdout" : "", arm.Targeting, arm.SegmentId,
            }.Select(Markup.Escape)]);
        }

        console.Write(arms);
        var metrics = new Table().AddColumns("metric", "measures", "filter");
        foreach (var (metric, index) in experiment.Metrics.Select((m, i) => (m, i)))
        {
            metrics.AddRow([.. new[] { metric.Name + (index == 0 ? " (primary)" : ""), Describe(metric), metric.Where }.Select(Markup.Escape)]);
        }

        console.Write(metrics);
    }

    public static Table List(IEnumerable<Experiment> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        var table = new Table().AddColumns("experiment", "name", "status", "channel", "arms", "primary metric", "version", "started");
        foreach (var experiment in experiments)
        {
            table.AddRow(
                Markup.Escape(experiment.ExperimentId),
                Markup.Escape(experiment.Name),
                Status(experiment.Status),
                Markup.Escape(experiment.Channel),
                Markup.Escape(string.Join(", ", experiment.Arms.Select(a => a.Name))),
                Markup.Escape(experiment.Metrics.FirstOrDefault()?.Name ?? ""),
                experiment.Version.ToString(Formats.Culture),
                Formats.Time(experiment.StartedAt));
        }

        return table;
    }

    /// <summary>"conversion: purchase within 14 days", "revenue: sum of purchase.revenue within 30 days", "retention: any activity on day 7".</summary>
    public static string Describe(ExperimentMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Kind switch
        {
            MetricKind.Conversion => $"conversion: {metric.EventType} within {metric.Days} days",
            MetricKind.Revenue => $"revenue: sum of {metric.EventType}.{metric.Property} within {metric.Days} days",
            MetricKind.Retention => $"retention: {(metric.EventType.Length == 0 ? "any activity" : metric.EventType)} on day {metric.Days}",
            _ => "unknown",
        };
    }

    public static string Status(ExperimentStatus status) => status switch
    {
        ExperimentStatus.Draft => "[yellow]draft[/]",
        ExperimentStatus.Running => "[green]running[/]",
        ExperimentStatus.Stopped => "stopped",
        _ => "unknown",
    };
}
