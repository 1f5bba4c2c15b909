using System.CommandLine;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Segments;

/// <summary><c>segments</c>: define segments and read their members and changes.</summary>
internal static class SegmentsCommand
{
    public static Command Create(IAnsiConsole console) => new("segments", "Define segments and read their members and changes")
    {
        SegmentSaveCommands.Create(console),
        SegmentSaveCommands.Update(console),
        SegmentReadCommands.Delete(console),
        SegmentValidateCommand.Create(console),
        SegmentPreviewCommand.Create(console),
        SegmentReadCommands.List(console),
        SegmentReadCommands.Show(console),
        SegmentMembersCommand.Create(console),
        SegmentChangesCommand.Create(console),
        SegmentExportCommand.Create(console),
    };
}
