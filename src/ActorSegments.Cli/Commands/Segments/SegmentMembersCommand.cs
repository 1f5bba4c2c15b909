using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Segments;

/// <summary><c>segments members</c>: the current members, paged through to the end.</summary>
internal static class SegmentMembersCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Segment id" };
        var pageSize = new Option<int>("--page-size") { Description = "Members per ListMembers call (1 to 10000)", DefaultValueFactory = _ => 1000 };
        var command = new Command("members", "List a segment's members (customer id, member since)") { id, pageSize };
        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var table = new Table().AddColumns("customer", "since");
            var count = 0L;
            await foreach (var member in connection.MembersAsync(parse.GetRequiredValue(id), parse.GetValue(pageSize), cancellationToken))
            {
                table.AddRow(Markup.Escape(member.CustomerId), Formats.Time(member.Since));
                count++;
            }

            Listing.Write(console, table, "No members.");
            if (count > 0)
            {
                console.MarkupLineInterpolated($"{count:N0} {(count == 1 ? "member" : "members")}");
            }
            return ExitCodes.Success;
        });
    }
}
