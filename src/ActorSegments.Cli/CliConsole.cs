using Spectre.Console;

namespace ActorSegments.Cli;

/// <summary>The console the commands write to, sized for where the output goes.</summary>
internal static class CliConsole
{
    /// <summary>
    /// Width for output that is not a terminal. Spectre.Console assumes 80 columns when it cannot ask a terminal, and
    /// wraps table cells and lines there, even mid-timestamp; a file or pipe has no width to fit, so rows stay whole
    /// for the scripts that read them. Finite because a few widgets (none used here) fill the whole width.
    /// </summary>
    public const int RedirectedWidth = 32_767;

    /// <summary>A console over <paramref name="output"/>; <paramref name="redirected"/>: it is a file or a pipe, not a terminal.</summary>
    public static IAnsiConsole Create(TextWriter output, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
