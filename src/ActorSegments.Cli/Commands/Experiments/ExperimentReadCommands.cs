using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Google.Protobuf;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Experiments;

/// <summary>
/// <c>experiments list</c>, <c>show</c>, <c>results</c> and <c>report</c>: tables, or with <c>--format json</c> the
/// API's JSON form of the response.
/// </summary>
internal static class ExperimentReadCommands
{
    public static Command List(IAnsiConsole console) =>
        Read(console, "list", "Every experiment of the workspace: status, arms, primary metric", withId: false,
            (connection, _, token) => connection.Experiments.ListExperimentsAsync(new ListExperimentsRequest { WorkspaceId = connection.Workspace }, cancellationToken: token).ResponseAsync,
            response => Listing.Write(console, ExperimentView.List(response.Experiments), "No experiments yet: define one with [bold]experiments create --file FILE[/]."));

    public static Command Show(IAnsiConsole console) =>
        Read(console, "show", "One experiment: definition, status, the segments of its audience and arms (json: a file update takes)", withId: true,
            (connection, id, token) => connection.Experiments.GetExperimentAsync(new GetExperimentRequest { WorkspaceId = connection.Workspace, ExperimentId = id }, cancellationToken: token).ResponseAsync,
            experiment => ExperimentView.Write(console, experiment));

    public static Command Results(IAnsiConsole console) =>
        Read(console, "results", "Live results: reach, rates and revenue per arm, lifts over the control (fixed horizon and always valid)", withId: true,
            (connection, id, token) => connection.Experiments.GetExperimentResultsAsync(new GetExperimentResultsRequest { WorkspaceId = connection.Workspace, ExperimentId = id }, cancellationToken: token).ResponseAsync,
            results => ExperimentResultsView.Write(console, results));

    public static Command Report(IAnsiConsole console) =>
        Read(console, "report", "Running and stopped experiments ranked by lift over their control, with the verdicts between strategies", withId: false,
            (connection, _, token) => connection.Experiments.GetExperimentReportAsync(new GetExperimentReportRequest { WorkspaceId = connection.Workspace }, cancellationToken: token).ResponseAsync,
            report => ExperimentReportView.Write(console, report));

    /// <summary>A command that reads one response (for one experiment id when <paramref name="withId"/>) and prints it as tables or JSON.</summary>
    private static Command Read<T>(
        IAnsiConsole console,
        string name,
        string description,
        bool withId,
        Func<ServerConnection, string, CancellationToken, Task<T>> read,
        Action<T> table)
        where T : IMessage
    {
        var id = new Argument<string>("id") { Description = "Experiment id" };
        var format = new Option<OutputFormat>("--format") { Description = "table or json (the API's JSON form)", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command(name, description) { format };
        if (withId)
        {
            command.Arguments.Add(id);
        }

        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var response = await read(connection, withId ? parse.GetRequiredValue(id) : string.Empty, cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                ProtoJson.Write(console, response);
            }
            else
            {
                table(response);
            }

            return ExitCodes.Success;
        });
    }
}
