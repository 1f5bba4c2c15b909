using Spectre.Console;

namespace ActorSegments.Cli.Rendering;

/// <summary>
/// The one convention for commands that list things: the rows as a table, or, when there are none, one line saying so
/// and what to run next (an empty table looks like an error in the output and says nothing).
/// </summary>
internal static class Listing
{
    public static void Write(IAnsiConsole console, Table table, string whenEmpty)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.Count == 0)
        {
            console.MarkupLine(whenEmpty);
            return;
        }

        console.Write(table);
    }
}
