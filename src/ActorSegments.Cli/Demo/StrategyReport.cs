using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Demo;

/// <summary>Prints the demo's strategy experiment: each arm's reach and outcomes with intervals, then the verdicts.</summary>
internal static class StrategyReport
{
    public static void Write(IAnsiConsole console, StrategyOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (outcome is null)
        {
            return;
        }

        var results = outcome.Results;
        var conversion = results.Metrics[0];
        var revenue = results.Metrics.Count > 1 ? results.Metrics[1] : null;
        var table = new Table()
            .Title($"strategy experiment '{StrategyExperimentDemo.ExperimentId}': AI cohorts {string.Join(", ", outcome.Cohorts)} against {StrategyExperimentDemo.ManualTargeting} (read from the server's results)")
            .AddColumns("arm", "customers", "messaged", "bought within 7 days (95% CI)", "revenue per customer (95% CI)");
        foreach (var reach in results.Reach)
        {
            var arm = conversion.Arms.Single(a => a.Arm == reach.Arm);
            var money = revenue?.Arms.Single(a => a.Arm == reach.Arm);
            table.AddRow(
                Markup.Escape(reach.Arm),
                Formats.Count(reach.Assigned),
                reach.Control ? "never" : $"{Formats.Count(reach.Targeted)} ({reach.TargetedShare.ToString("0%", Formats.Culture)})",
                $"{arm.ConversionRate.ToString("0.0%", Formats.Culture)} ({Interval(arm.ConversionRateInterval, "0.0%")})",
                money is null ? "" : $"{money.RevenuePerCustomer.ToString("0.00", Formats.Culture)} ({Interval(money.RevenuePerCustomerInterval, "0.00")})");
        }

        console.Write(table);
        if (results.SampleRatioMismatch is { Mismatch: true } srm)
        {
            console.MarkupLineInterpolated($"[yellow]sample-ratio mismatch (p = {srm.PValue.ToString("0.0000", Formats.Culture)}): the split is not what the weights say; read nothing else until that is explained[/]");
        }

        if (outcome.Report is { } entry)
        {
            console.MarkupLineInterpolated($"[bold]{entry.Verdict}[/]");
            foreach (var verdict in entry.StrategyVerdicts)
            {
                console.MarkupLineInterpolated($"[bold]{verdict.Verdict}[/]");
            }
        }
    }

    private static string Interval(ConfidenceInterval? interval, string format) =>
        interval is null ? "n/a" : $"{interval.Low.ToString(format, Formats.Culture)} to {interval.High.ToString(format, Formats.Culture)}";
}
