using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Experiments;

/// <summary>
/// <c>experiments create</c> and <c>update</c> from a JSON file, <c>start</c> and <c>stop</c> by id; each prints the
/// experiment as it now stands. A refused definition prints every field at fault by its path in the file.
/// </summary>
internal static class ExperimentSaveCommands
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new ExperimentFile();
        return new Command("create", "Define an experiment as a draft from a JSON file; nothing is assigned until it starts") { file.File }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var experiment = await connection.Experiments.CreateExperimentAsync(
                    new CreateExperimentRequest { WorkspaceId = connection.Workspace, Experiment = file.Read(parse) }, cancellationToken: cancellationToken);
                return Print(console, experiment);
            });
    }

    public static Command Update(IAnsiConsole console)
    {
        var file = new ExperimentFile();
        var expected = ExpectedVersion();
        return new Command("update", "Replace an experiment's definition from a JSON file (a running one takes a new name and channel only)") { file.File, expected }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var experiment = await connection.Experiments.UpdateExperimentAsync(
                    new UpdateExperimentRequest { WorkspaceId = connection.Workspace, Experiment = file.Read(parse), ExpectedVersion = parse.GetValue(expected) }, cancellationToken: cancellationToken);
                return Print(console, experiment);
            });
    }

    public static Command Start(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Experiment id" };
        var expected = ExpectedVersion();
        return new Command("start", "Start assigning and measuring; creates the segments of the audience and of each arm") { id, expected }
            .WithAction(console, async (parse, connection, cancellationToken) => Print(console, await connection.Experiments.StartExperimentAsync(
                new StartExperimentRequest { WorkspaceId = connection.Workspace, ExperimentId = parse.GetRequiredValue(id), ExpectedVersion = parse.GetValue(expected) }, cancellationToken: cancellationToken)));
    }

    public static Command Stop(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Experiment id" };
        var expected = ExpectedVersion();
        return new Command("stop", "Stop assigning and measuring; assignments, segments and results stay readable") { id, expected }
            .WithAction(console, async (parse, connection, cancellationToken) => Print(console, await connection.Experiments.StopExperimentAsync(
                new StopExperimentRequest { WorkspaceId = connection.Workspace, ExperimentId = parse.GetRequiredValue(id), ExpectedVersion = parse.GetValue(expected) }, cancellationToken: cancellationToken)));
    }

    private static Option<int> ExpectedVersion() =>
        new("--expected-version") { Description = "Refuse the change if the experiment is no longer at this version (default: whatever is current)" };

    private static int Print(IAnsiConsole console, Experiment experiment)
    {
        ExperimentView.Write(console, experiment);
        return ExitCodes.Success;
    }
}
