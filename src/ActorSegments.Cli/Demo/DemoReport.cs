using ActorSegments.Cli.Rendering;
using ActorSegments.Datasets.Retail;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Demo;

/// <summary>Prints a <see cref="DemoResult"/>: segment counts, the RFM summary, the lifecycle distribution, one customer explained.</summary>
internal static class DemoReport
{
    public static void Write(IAnsiConsole console, DemoData data, DemoResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(result);
        console.MarkupLineInterpolated(
            $"loaded [bold]{result.Loaded.Applied:N0}[/] events of [bold]{result.Customers:N0}[/] customers ({result.Loaded.Duplicates:N0} duplicates, {result.Loaded.Rejected:N0} rejected); clock at {data.End:yyyy-MM-dd HH:mm}Z");

        var segments = new Table().Title("segments").AddColumns("segment", "members", "rule", "meaning");
        foreach (var (segment, meaning) in result.Segments.Zip(data.Segments, (s, d) => (s, d.Meaning)))
        {
            segments.AddRow(Markup.Escape(segment.SegmentId), Formats.Count(segment.Members), Markup.Escape(segment.Rule), Markup.Escape(meaning));
        }

        console.Write(segments);
        if (result.Rfm is { } rfm)
        {
            var table = new Table().Title($"RFM of the {rfm.Buyers:N0} buyers (from their profiles)").AddColumns("", "min", "Q1", "median", "Q3", "max");
            AddRow(table, "recency (days)", rfm.Recency);
            AddRow(table, "frequency", rfm.Frequency);
            AddRow(table, "monetary", rfm.Monetary);
            console.Write(table);
        }
        else
        {
            console.MarkupLine("[yellow]RFM summary unavailable: this server's profiles carry no RFM values[/]");
        }

        var lifecycle = new Table().Title("lifecycle stages").AddColumns("stage", "customers");
        foreach (var stage in result.Lifecycle)
        {
            lifecycle.AddRow(Markup.Escape(stage.Stage), Formats.Count(stage.Customers));
        }

        console.Write(lifecycle);
        WriteCohorts(console, result.Cohorts);
        StrategyReport.Write(console, result.Strategy);
        if (result.Explained is { } explained)
        {
            ProfileView.Write(console, explained.Profile);
            if (explained.Explanation is { } explanation)
            {
                TraceView.Write(console, explanation);
            }
            else
            {
                console.MarkupLineInterpolated($"[yellow]{explained.ExplainProblem}[/]");
            }
        }
    }

    private static void WriteCohorts(IAnsiConsole console, CohortRun? run)
    {
        if (run is null)
        {
            return;
        }

        if (run.RunStatus != CohortRunStatus.Succeeded)
        {
            console.MarkupLineInterpolated($"[yellow]AI cohorts not computed: {(run.Error.Length > 0 ? run.Error : Formats.Words(run.RunStatus) + " " + Formats.Words(run.RunPhase))}[/]");
            return;
        }

        var table = new Table()
            .Title($"AI cohorts (k = {run.K}, chosen by elbow and silhouette; silhouette {run.Silhouette.ToString("0.00", Formats.Culture)}; each is segment cohort-N)")
            .AddColumns("cohort", "name", "customers", "share", "description");
        var total = Math.Max(1, run.Cohorts.Sum(c => c.Size));
        foreach (var cohort in run.Cohorts.OrderByDescending(c => c.Size))
        {
            table.AddRow(
                Markup.Escape(cohort.CohortId),
                Markup.Escape(cohort.Name),
                Formats.Count(cohort.Size),
                ((double)cohort.Size / total).ToString("0%", Formats.Culture),
                Markup.Escape(cohort.Description));
        }

        console.Write(table);
    }

    private static void AddRow(Table table, string name, Distribution d) =>
        table.AddRow(name, Number(d.Min), Number(d.Q1), Number(d.Median), Number(d.Q3), Number(d.Max));

    /// <summary>Three decimals at most: quartiles of cent amounts can fall between two cents (674.485).</summary>
    private static string Number(decimal value) => Math.Round(value, 3).ToString("#,0.###", Formats.Culture);
}
