using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Rendering;

/// <summary>Cohort runs, cohorts and model versions as tables.</summary>
internal static class CohortViews
{
    public static void Run(IAnsiConsole console, CohortRun run)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("run", run.RunId.ToString(Formats.Culture));
        summary.AddRow("status", Markup.Escape(Formats.Words(run.RunStatus) + (run.RunStatus == CohortRunStatus.Running ? $" ({Formats.Words(run.RunPhase)})" : "")));
        summary.AddRow("trigger", Markup.Escape(run.Trigger));
        summary.AddRow("started", Formats.Time(run.StartedAt));
        summary.AddRow("duration", run.DurationSeconds > 0 ? $"{run.DurationSeconds.ToString("0.0", Formats.Culture)} s" : "");
        summary.AddRow("customers", Formats.Count(run.Customers));
        summary.AddRow("k", run.K.ToString(Formats.Culture));
        summary.AddRow("silhouette", run.Silhouette.ToString("0.000", Formats.Culture));
        summary.AddRow("changed / pushed", $"{Formats.Count(run.Changed)} / {Formats.Count(run.Pushed)}");
        if (run.Error.Length > 0)
        {
            summary.AddRow("error", $"[red]{Markup.Escape(run.Error)}[/]");
        }

        console.Write(summary);
        if (run.Candidates.Count > 0)
        {
            var curve = new Table().AddColumns("k", "inertia", "silhouette");
            foreach (var candidate in run.Candidates)
            {
                curve.AddRow(candidate.K.ToString(Formats.Culture), candidate.Inertia.ToString("0.000", Formats.Culture), candidate.Silhouette.ToString("0.000", Formats.Culture));
            }

            console.Write(curve);
        }

        if (run.Cohorts.Count > 0)
        {
            console.Write(Cohorts(run.Cohorts, showMembers: false));
        }

        CohortDriftView.Write(console, run);
    }

    public static Table Cohorts(IEnumerable<Cohort> cohorts, bool showMembers)
    {
        var table = new Table().AddColumns("cohort", "name", "size");
        if (showMembers)
        {
            table.AddColumn("members");
        }

        table.AddColumns("label", "description");
        foreach (var cohort in cohorts)
        {
            var cells = new List<string> { cohort.CohortId, cohort.Name + (cohort.Pinned ? " (pinned)" : ""), Formats.Count(cohort.Size) };
            if (showMembers)
            {
                cells.Add(Formats.Count(cohort.Members));
            }

            cells.AddRange([cohort.LabelSource, cohort.Description]);
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        return table;
    }

    public static void Training(IAnsiConsole console, ModelTraining training)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("model", Markup.Escape(training.Name));
        summary.AddRow("state", Markup.Escape(Formats.Words(training.TrainingState) + (training.TrainingState == ModelTrainingState.Running ? $" ({Formats.Words(training.TrainingPhase)})" : "")));
        summary.AddRow("version", training.Version == 0 ? "" : training.Version.ToString(Formats.Culture));
        summary.AddRow("written back", $"{Formats.Count(training.Pushed)} / {Formats.Count(training.Customers)}");
        if (training.Problem.Length > 0)
        {
            summary.AddRow("problem", $"[red]{Markup.Escape(training.Problem)}[/]");
        }

        console.Write(summary);
    }

    public static Table Models(IEnumerable<ModelVersionInfo> models)
    {
        var table = new Table().AddColumns("model", "version", "kind", "created", "metrics");
        foreach (var model in models)
        {
            var metrics = string.Join(", ", model.Metrics?.Fields
                .Where(f => f.Value.KindCase == Google.Protobuf.WellKnownTypes.Value.KindOneofCase.NumberValue)
                .Select(f => $"{f.Key} {f.Value.NumberValue.ToString("0.###", Formats.Culture)}") ?? []);
            table.AddRow([.. new[] { model.Name, model.Version.ToString(Formats.Culture), model.Kind, Formats.Time(model.CreatedAt), metrics }.Select(Markup.Escape)]);
        }

        return table;
    }

    public static void Recommendations(IAnsiConsole console, RecommendCohortsResponse response)
    {
        var table = new Table().AddColumns("cohort", "name", "members", "in goal", "share", "index", "recommended");
        foreach (var cohort in response.Cohorts)
        {
            table.AddRow([.. new[] { cohort.CohortId, cohort.Name, Formats.Count(cohort.Members), Formats.Count(cohort.GoalMembers), StatisticFormats.Percent(cohort.Share, 1), cohort.Index.ToString("0.00", Formats.Culture), cohort.Recommended ? "yes" : string.Empty }.Select(Markup.Escape)]);
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape($"goal '{response.GoalSegmentId}': {Formats.Count(response.GoalMembers)} of {Formats.Count(response.Members)} cohorted customers ({StatisticFormats.Percent(response.GoalShare, 1)}); run {response.RunId}, min index {response.MinIndex.ToString("0.##", Formats.Culture)}"));
        console.MarkupLine(response.Recommended.Count == 0
            ? "No cohort holds any of the goal's customers."
            : Markup.Escape($"recommended: {response.AudienceRule} -- reaches {StatisticFormats.Percent(response.Reach, 1)} of cohorted customers and holds {StatisticFormats.Percent(response.Coverage, 1)} of the goal's"));
    }
}
