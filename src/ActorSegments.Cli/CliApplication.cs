using System.CommandLine;
using ActorSegments.Cli.Commands;
using ActorSegments.Cli.Commands.Experiments;
using ActorSegments.Cli.Commands.Segments;
using Spectre.Console;

namespace ActorSegments.Cli;

/// <summary>The command tree; <see cref="RunAsync(string[], IAnsiConsole, TextWriter, CancellationToken)"/> takes the consoles so tests can read what a command printed.</summary>
internal static class CliApplication
{
    public static RootCommand BuildRootCommand(IAnsiConsole console) => new("ActorSegments: real-time customer segmentation")
    {
        MigrateCommand.Create(console),
        ImportCommand.Create(console),
        CatalogCommand.Create(console),
        SegmentsCommand.Create(console),
        CustomersCommand.Create(console),
        CohortsCommand.Create(console),
        ModelsCommand.Create(console),
        ExperimentsCommand.Create(console),
        TemplatesCommand.Create(console),
        WebhooksCommand.Create(console),
        KeysCommand.Create(console),
        WorkspacesCommand.Create(console),
        DemoCommand.Create(console),
    };

    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default) =>
        RunAsync(args, console, Console.Error, cancellationToken);

    /// <summary>Runs one command line; help goes to <paramref name="console"/>, command-line errors to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var parse = BuildRootCommand(console).Parse(args);
        var configuration = new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = error };
        var exit = await parse.InvokeAsync(configuration, cancellationToken);

        // System.CommandLine answers a command line it cannot parse (unknown command, missing argument, bad value)
        // with 1, the code for an operation that ran and failed; scripts need to tell the two apart.
        return parse.Errors.Count > 0 ? ExitCodes.Usage : exit;
    }
}
