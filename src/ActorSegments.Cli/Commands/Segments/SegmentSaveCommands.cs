using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Grpc.Core;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Segments;

/// <summary><c>segments create</c> and <c>segments update</c>: save a rule; a rejected rule prints with carets under each problem.</summary>
internal static class SegmentSaveCommands
{
    public static Command Create(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Segment id: lower-case letters, digits, '-' and '_'" };
        var rule = new RuleInput();
        var command = new Command("create", "Define a segment; it backfills over existing customers, then is live") { id };
        rule.AddTo(command);
        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var text = rule.Read(parse);
            return await SaveAsync(console, text, async () => await connection.Segments.CreateSegmentAsync(
                new CreateSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = parse.GetRequiredValue(id), Rule = text },
                cancellationToken: cancellationToken));
        });
    }

    public static Command Update(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Segment id" };
        var rule = new RuleInput();
        var expected = new Option<int>("--expected-version") { Description = "Refuse the update if the segment is no longer at this version (default: overwrite)" };
        var command = new Command("update", "Replace a segment's rule (version + 1) and re-evaluate every customer") { id, expected };
        rule.AddTo(command);
        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var text = rule.Read(parse);
            return await SaveAsync(console, text, async () => await connection.Segments.UpdateSegmentAsync(
                new UpdateSegmentRequest
                {
                    WorkspaceId = connection.Workspace,
                    SegmentId = parse.GetRequiredValue(id),
                    Rule = text,
                    ExpectedVersion = parse.GetValue(expected),
                },
                cancellationToken: cancellationToken));
        });
    }

    private static async Task<int> SaveAsync(IAnsiConsole console, string rule, Func<Task<Segment>> save)
    {
        try
        {
            var segment = await save();
            console.Write(SegmentTable.Of([segment], withRule: true));
            return ExitCodes.Success;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument
            && RuleProblems.FromViolations(GrpcErrorReport.Violations(ex)) is { Count: > 0 } problems)
        {
            console.MarkupLine("[red]the rule was not saved:[/]");
            RuleProblems.Write(console, rule, problems);
            return ExitCodes.Rejected;
        }
    }
}
