using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Segments;

/// <summary><c>segments list</c>, <c>show</c> and <c>delete</c>: the definitions and their live state.</summary>
internal static class SegmentReadCommands
{
    public static Command List(IAnsiConsole console) =>
        new Command("list", "Every segment of the workspace").WithAction(console, async (_, connection, cancellationToken) =>
        {
            var response = await connection.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
            Listing.Write(console, SegmentTable.Of(response.Segments, withRule: false), "No segments yet: define one with [bold]segments create ID --rule RULE[/].");
            return ExitCodes.Success;
        });

    public static Command Show(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Segment id" };
        return new Command("show", "One segment: rule, status, version, members, backfill") { id }.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var segment = await connection.Segments.GetSegmentAsync(
                new GetSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = parse.GetRequiredValue(id) }, cancellationToken: cancellationToken);
            console.Write(SegmentTable.Of([segment], withRule: true));
            return ExitCodes.Success;
        });
    }

    public static Command Delete(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Segment id" };
        return new Command("delete", "Delete a segment and its memberships") { id }.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var segmentId = parse.GetRequiredValue(id);
            await connection.Segments.DeleteSegmentAsync(
                new DeleteSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = segmentId }, cancellationToken: cancellationToken);
            console.MarkupLineInterpolated($"deleted [bold]{segmentId}[/]");
            return ExitCodes.Success;
        });
    }
}
