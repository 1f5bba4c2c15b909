using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Segments;

/// <summary><c>segments validate</c>: checks a rule without saving it and points at each problem.</summary>
internal static class SegmentValidateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var id = new Option<string?>("--id") { Description = "The id the rule would be saved under (catches references to itself)" };
        var rule = new RuleInput();
        var command = new Command("validate", "Check a rule against the workspace schema and segments; nothing is saved") { id };
        rule.AddTo(command);
        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            if (!await CheckAsync(console, connection, parse.GetValue(id), rule.Read(parse), cancellationToken))
            {
                return ExitCodes.Rejected;
            }

            console.MarkupLine("[green]valid[/]");
            return ExitCodes.Success;
        });
    }

    /// <summary>Whether the rule is valid; when it is not, its problems are written with carets under them.</summary>
    public static async Task<bool> CheckAsync(IAnsiConsole console, ServerConnection connection, string? segmentId, string rule, CancellationToken cancellationToken)
    {
        var result = await connection.Segments.ValidateSegmentAsync(
            new ValidateSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = segmentId ?? "", Rule = rule },
            cancellationToken: cancellationToken);
        if (!result.Valid)
        {
            RuleProblems.Write(console, rule, result.Problems);
        }

        return result.Valid;
    }
}
