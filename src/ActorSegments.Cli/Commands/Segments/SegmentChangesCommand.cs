using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Segments;

/// <summary><c>segments changes</c>: enter/exit changes after a cursor, and the cursor to continue from.</summary>
internal static class SegmentChangesCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Segment id" };
        var cursor = new Option<string?>("--cursor") { Description = "Continue after this cursor (default: from the first change ever logged)" };
        var pageSize = new Option<int>("--page-size") { Description = "Changes per ListChanges call (1 to 10000)", DefaultValueFactory = _ => 1000 };
        var command = new Command("changes", "Enter/exit changes of a segment, oldest first, then the next cursor") { id, cursor, pageSize };
        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var table = new Table().AddColumns("customer", "change", "at", "cause");
            var next = parse.GetValue(cursor) ?? "";
            await foreach (var page in connection.ChangePagesAsync(parse.GetRequiredValue(id), next, parse.GetValue(pageSize), cancellationToken))
            {
                foreach (var change in page.Changes)
                {
                    table.AddRow(
                        Markup.Escape(change.CustomerId),
                        change.Entered ? "[green]enter[/]" : "[red]exit[/]",
                        Formats.Time(change.ChangedAt),
                        Cause(change.Cause));
                }

                next = page.NextCursor;
            }

            Listing.Write(console, table, "No changes after this cursor.");
            console.WriteLine($"next cursor: {next}");
            return ExitCodes.Success;
        });
    }

    private static string Cause(ChangeCause cause) => cause switch
    {
        ChangeCause.Event => "event",
        ChangeCause.Time => "time",
        ChangeCause.Trait => "trait",
        ChangeCause.Model => "model",
        ChangeCause.Definition => "definition",
        ChangeCause.Experiment => "experiment",
        ChangeCause.Merge => "merge",
        ChangeCause.Erased => "erased",
        _ => "",
    };
}
