using System.CommandLine;
using ActorSegments.Cli.Commands;
using ActorSegments.Cli.Commands.Segments;
using Spectre.Console;

namespace ActorSegments.Cli;

/// <summary>The command tree; <see cref="RunAsync"/> takes the console so tests can read what a command printed.</summary>
internal static class CliApplication
{
    public static RootCommand BuildRootCommand(IAnsiConsole console) => new("ActorSegments: real-time customer segmentation")
    {
        MigrateCommand.Create(console),
        ImportCommand.Create(console),
        SegmentsCommand.Create(console),
        CustomersCommand.Create(console),
        CohortsCommand.Create(console),
        ModelsCommand.Create(console),
        KeysCommand.Create(console),
        WorkspacesCommand.Create(console),
        DemoCommand.Create(console),
    };

    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default) =>
        BuildRootCommand(console).Parse(args).InvokeAsync(cancellationToken: cancellationToken);
}
