using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;
using static ActorSegments.Cli.Rendering.StatisticFormats;

namespace ActorSegments.Cli.Commands.Experiments;

/// <summary><c>experiments size</c>: how many customers each arm needs to detect a lift, before running anything.</summary>
internal static class ExperimentSizeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var baseline = new Option<double>("--baseline") { Description = "The control's conversion rate, a fraction (0.05 for 5%)", Required = true };
        var effect = new Option<double>("--mde") { Description = "The smallest absolute lift worth finding, a fraction (0.01 for 5% -> 6%)", Required = true };
        var power = new Option<double>("--power") { Description = "The chance of finding a lift of that size", DefaultValueFactory = _ => 0.8 };
        var alpha = new Option<double>("--alpha") { Description = "The two-sided false-positive rate", DefaultValueFactory = _ => 0.05 };
        return new Command("size", "Customers per arm to detect a lift with the two-proportion z-test") { baseline, effect, power, alpha }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var size = await connection.Experiments.SizeExperimentAsync(new SizeExperimentRequest
                {
                    WorkspaceId = connection.Workspace,
                    BaselineRate = parse.GetValue(baseline),
                    MinimumDetectableEffect = parse.GetValue(effect),
                    Power = parse.GetValue(power),
                    Alpha = parse.GetValue(alpha),
                }, cancellationToken: cancellationToken);
                console.MarkupLine($"customers per arm: [bold]{Formats.Count(size.CustomersPerArm)}[/] ({Formats.Count(size.CustomersPerArm * 2)} for a control and one arm)");
                console.MarkupLine(Markup.Escape(
                    $"to detect {Percent(size.BaselineRate)} -> {Percent(size.BaselineRate + size.MinimumDetectableEffect)} ({Points(size.MinimumDetectableEffect)}) " +
                    $"with {Percent(size.Power, 0)} power at alpha {size.Alpha.ToString(Formats.Culture)} (two-sided, fixed horizon: read the result once, at that size)"));
                return ExitCodes.Success;
            });
    }
}
