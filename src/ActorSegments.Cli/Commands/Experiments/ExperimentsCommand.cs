using System.CommandLine;
using Spectre.Console;

namespace ActorSegments.Cli.Commands.Experiments;

/// <summary><c>experiments</c>: define, start and stop campaign tests and experiments, read their results and the report.</summary>
internal static class ExperimentsCommand
{
    public static Command Create(IAnsiConsole console) => new("experiments", "Campaign tests and experiments: define, start, stop, results, report, sample sizes")
    {
        ExperimentSaveCommands.Create(console),
        ExperimentSaveCommands.Update(console),
        ExperimentSaveCommands.Start(console),
        ExperimentSaveCommands.Stop(console),
        ExperimentReadCommands.List(console),
        ExperimentReadCommands.Show(console),
        ExperimentReadCommands.Results(console),
        ExperimentReadCommands.Report(console),
        ExperimentSizeCommand.Create(console),
    };
}
