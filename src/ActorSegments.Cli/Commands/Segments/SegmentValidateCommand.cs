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
            var text = rule.Read(parse);
            var result = await connection.Segments.ValidateSegmentAsync(
                new ValidateSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = parse.GetValue(id) ?? "", Rule = text },
                cancellationToken: cancellationToken);
            if (result.Valid)
            {
                console.MarkupLine("[green]valid[/]");
                return ExitCodes.Success;
            }

            RuleProblems.Write(console, text, result.Problems);
            return ExitCodes.Rejected;
        });
    }
}
