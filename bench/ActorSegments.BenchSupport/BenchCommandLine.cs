using System.CommandLine;

namespace ActorSegments.BenchSupport;

/// <summary>
/// The command-line convention of the bench tools: System.CommandLine parses, <c>--help</c> prints the options and
/// exits 0, and a command line it cannot use (unknown option, missing or malformed value) prints what is wrong and
/// exits <see cref="UsageExitCode"/> without running anything, as the CLI does.
/// </summary>
public static class BenchCommandLine
{
    /// <summary>The command line was wrong; nothing ran (the CLI's code for the same).</summary>
    public const int UsageExitCode = 2;

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="root"/>, which has no action of its own. Returns the
    /// parse result when the tool should run; otherwise null, after printing the help (to <paramref name="output"/>)
    /// or the errors and the usage (to <paramref name="error"/>), with the exit code in <paramref name="exitCode"/>.
    /// </summary>
    public static ParseResult? Parse(RootCommand root, IReadOnlyList<string> args, TextWriter output, TextWriter error, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parse = root.Parse(args);
        exitCode = 0;
        if (parse.Errors.Count == 0 && parse.Action is null)
        {
            return parse;
        }

        var printed = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        // System.CommandLine answers a parse error with 1, the code for a run that failed; scripts tell the two apart.
        exitCode = parse.Errors.Count > 0 ? UsageExitCode : printed;
        return null;
    }
}
