using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary><c>cohorts</c>: refresh AI cohorts, follow runs, list cohorts, rename or pin them, set k and features.</summary>
internal static class CohortsCommand
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    public static Command Create(IAnsiConsole console) => new("cohorts", "AI cohorts: behavioral clusters with names, kept as segments")
    {
        Refresh(console),
        List(console),
        Runs(console),
        Recommend(console),
        Rename(console),
        Settings(console),
    };

    private static Command Refresh(IAnsiConsole console)
    {
        var wait = new Option<bool>("--wait") { Description = "Follow the run until it ends and print it" };
        return new Command("refresh", "Recluster now (returns the run already going, if any)") { wait }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var run = await connection.Cohorts.RefreshCohortsAsync(new RefreshCohortsRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
                while (parse.GetValue(wait) && run.RunStatus == CohortRunStatus.Running)
                {
                    await Task.Delay(PollEvery, cancellationToken);
                    run = await connection.Cohorts.GetCohortRunAsync(new GetCohortRunRequest { WorkspaceId = connection.Workspace, RunId = run.RunId }, cancellationToken: cancellationToken);
                }

                CohortViews.Run(console, run);
                return run.RunStatus == CohortRunStatus.Failed ? ExitCodes.Failed : ExitCodes.Success;
            });
    }

    private static Command List(IAnsiConsole console) =>
        new Command("list", "The current cohorts: names, sizes, live members").WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var cohorts = await connection.Cohorts.ListCohortsAsync(new ListCohortsRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
            Listing.Write(console, CohortViews.Cohorts(cohorts.Cohorts, showMembers: true), "No cohorts yet: run [bold]cohorts refresh[/].");
            return ExitCodes.Success;
        });

    private static Command Runs(IAnsiConsole console)
    {
        var id = new Argument<long?>("run") { Description = "A run id for its details; none lists recent runs", Arity = ArgumentArity.ZeroOrOne };
        return new Command("runs", "Recent refreshes, or one in detail") { id }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                if (parse.GetValue(id) is { } runId)
                {
                    CohortViews.Run(console, await connection.Cohorts.GetCohortRunAsync(new GetCohortRunRequest { WorkspaceId = connection.Workspace, RunId = runId }, cancellationToken: cancellationToken));
                    return ExitCodes.Success;
                }

                var runs = await connection.Cohorts.ListCohortRunsAsync(new ListCohortRunsRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
                var table = new Table().AddColumns("run", "status", "trigger", "started", "k", "silhouette", "customers", "changed", "drift");
                foreach (var run in runs.Runs)
                {
                    table.AddRow([.. new[] { run.RunId.ToString(Formats.Culture), Formats.Words(run.RunStatus), run.Trigger, Formats.Time(run.StartedAt), run.K.ToString(Formats.Culture), run.Silhouette.ToString("0.000", Formats.Culture), Formats.Count(run.Customers), Formats.Count(run.Changed), CohortDriftView.Summary(run) }.Select(Markup.Escape)]);
                }

                Listing.Write(console, table, "No cohort runs yet: run [bold]cohorts refresh[/].");
                return ExitCodes.Success;
            });
    }

    private static Command Recommend(IAnsiConsole console)
    {
        var goal = new Option<string>("--goal") { Description = "The segment of the customers the campaign is about", Required = true };
        var minIndex = new Option<double>("--min-index") { Description = "Concentration a cohort needs (default 1.5)" };
        var format = new Option<OutputFormat>("--format") { Description = "table or json (the API's JSON form)", DefaultValueFactory = _ => OutputFormat.Table };
        return new Command("recommend", "The cohorts in which a goal segment's customers are concentrated, and the rule targeting them") { goal, minIndex, format }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var request = new RecommendCohortsRequest { WorkspaceId = connection.Workspace, GoalSegmentId = parse.GetRequiredValue(goal), MinIndex = parse.GetValue(minIndex) };
                var response = await connection.Cohorts.RecommendCohortsAsync(request, cancellationToken: cancellationToken);
                if (parse.GetValue(format) == OutputFormat.Json)
                {
                    ProtoJson.Write(console, response);
                }
                else
                {
                    CohortViews.Recommendations(console, response);
                }

                return ExitCodes.Success;
            });
    }

    private static Command Rename(IAnsiConsole console)
    {
        var id = new Argument<string>("cohort") { Description = "Cohort id, e.g. cohort-3" };
        var name = new Argument<string>("name") { Description = "The new name" };
        var description = new Option<string>("--description") { Description = "A new one-sentence description" };
        var pin = new Option<bool>("--pin") { Description = "Keep this name across refreshes" };
        return new Command("rename", "Rename a cohort; --pin keeps the name when cohorts are refreshed") { id, name, description, pin }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var cohort = await connection.Cohorts.UpdateCohortAsync(
                    new UpdateCohortRequest
                    {
                        WorkspaceId = connection.Workspace,
                        CohortId = parse.GetRequiredValue(id),
                        Name = parse.GetRequiredValue(name),
                        Description = parse.GetValue(description) ?? string.Empty,
                        Pinned = parse.GetValue(pin),
                    },
                    cancellationToken: cancellationToken);
                console.Write(CohortViews.Cohorts([cohort], showMembers: true));
                return ExitCodes.Success;
            });
    }

    private static Command Settings(IAnsiConsole console)
    {
        var k = new Option<int?>("--k") { Description = "Use this many cohorts (0: choose by elbow and silhouette)" };
        var features = new Option<string[]>("--features") { Description = "Features to cluster on (docs/ml.md); none for the default set", AllowMultipleArgumentsPerToken = true };
        return new Command("settings", "Show, or with options change, how refreshes cluster") { k, features }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var settings = await connection.Cohorts.GetCohortSettingsAsync(new GetCohortSettingsRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
                if (parse.GetResult(k) is not null || parse.GetResult(features) is not null)
                {
                    var changed = settings.Clone();
                    if (parse.GetValue(k) is { } fixedK)
                    {
                        changed.FixedK = fixedK;
                    }

                    if (parse.GetResult(features) is not null)
                    {
                        changed.Features.Clear();
                        changed.Features.AddRange(parse.GetValue(features) ?? []);
                    }

                    settings = await connection.Cohorts.UpdateCohortSettingsAsync(new UpdateCohortSettingsRequest { WorkspaceId = connection.Workspace, Settings = changed }, cancellationToken: cancellationToken);
                }

                console.MarkupLine($"k: {(settings.FixedK == 0 ? "chosen per run" : settings.FixedK.ToString(Formats.Culture))}");
                console.MarkupLine($"features: {Markup.Escape(settings.Features.Count == 0 ? "default" : string.Join(", ", settings.Features))}");
                return ExitCodes.Success;
            });
    }
}
