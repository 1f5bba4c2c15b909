using System.CommandLine;
using System.Globalization;
using ActorSegments.Cli.Connection;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Segments;

/// <summary><c>segments preview</c>: how many customers a rule would match now, and some of them; nothing is saved.</summary>
internal static class SegmentPreviewCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var id = new Option<string?>("--id") { Description = "The id the rule would be saved under (catches references to itself)" };
        var sample = new Option<int>("--sample") { Description = "Customers to evaluate, 1 to 20000 (default 2000; every customer when the workspace has no more)" };
        var show = new Option<int>("--show") { Description = "Matching customers to list, 1 to 100 (default 20)" };
        var rule = new RuleInput();
        var command = new Command("preview", "Count the customers a rule would match now and list some; nothing is saved") { id, sample, show };
        rule.AddTo(command);
        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var text = rule.Read(parse);
            if (!await SegmentValidateCommand.CheckAsync(console, connection, parse.GetValue(id), text, cancellationToken))
            {
                return ExitCodes.Rejected;
            }

            var preview = await connection.Segments.PreviewSegmentAsync(
                new PreviewSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = parse.GetValue(id) ?? "", Rule = text, SampleSize = parse.GetValue(sample), MaxMatches = parse.GetValue(show) },
                cancellationToken: cancellationToken);
            console.WriteLine(Summary(preview));
            foreach (var customer in preview.SampleCustomerIds)
            {
                console.WriteLine($"  {customer}");
            }

            return ExitCodes.Success;
        });
    }

    private static string Summary(PreviewSegmentResponse preview) => preview.Exact
        ? $"{Count(preview.EstimatedMembers)} of {Count(preview.Customers)} customers match now (every customer evaluated)"
        : $"about {Count(preview.EstimatedMembers)} of {Count(preview.Customers)} customers match now (95% interval {Count(preview.EstimateLow)} to {Count(preview.EstimateHigh)}; {Count(preview.Matched)} of {Count(preview.Evaluated)} sampled)";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
