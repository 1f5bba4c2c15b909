using ActorSegments.Protos.V1;
using Spectre.Console;
using static ActorSegments.Cli.Rendering.StatisticFormats;

namespace ActorSegments.Cli.Rendering;

/// <summary>
/// An experiment's results as tables: reach, then per metric every arm on its own and every arm against the control,
/// the fixed-horizon figures and the always-valid ones in tables of their own, each saying which it is. A
/// sample-ratio mismatch comes first, as a warning over everything else.
/// </summary>
internal static class ExperimentResultsView
{
    public const string FixedHorizon = "fixed horizon: valid once, at a sample size fixed in advance";
    public const string AlwaysValid = "always valid: safe to check at every look";

    public static void Write(IAnsiConsole console, GetExperimentResultsResponse results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        var experiment = results.Experiment;
        console.MarkupLine($"experiment [bold]{Markup.Escape(experiment.ExperimentId)}[/]: {Markup.Escape(experiment.Name)} ({ExperimentView.Status(experiment.Status)}), as of {Formats.Time(results.AsOf)}");
        if (results.SampleRatioMismatch is { Mismatch: true } srm)
        {
            console.MarkupLine(Markup.Escape(SampleRatioWarning(srm)));
        }

        var reach = new Table().AddColumns("arm", "weight", "assigned", "targeted", "targeted share");
        foreach (var arm in results.Reach)
        {
            reach.AddRow(Markup.Escape(arm.Arm + (arm.Control ? " (control)" : "")), Formats.Number(arm.Weight), Formats.Count(arm.Assigned), Formats.Count(arm.Targeted), arm.HasTargetedShare ? Percent(arm.TargetedShare, 1) : "");
        }

        console.Write(reach);
        foreach (var metric in results.Metrics)
        {
            WriteMetric(console, metric);
        }
    }

    /// <summary>The warning line for a split that does not fit the weights.</summary>
    public static string SampleRatioWarning(SampleRatioMismatch srm)
    {
        ArgumentNullException.ThrowIfNull(srm);
        return $"WARNING sample ratio mismatch: the customers assigned do not fit the arms' weights (chi-square {srm.ChiSquare.ToString("0.00", Formats.Culture)}, {PStatement(srm.PValue)}, under {srm.Threshold.ToString(Formats.Culture)}); assignment or counting is broken somewhere and every figure below is suspect";
    }

    private static void WriteMetric(IAnsiConsole console, MetricResults metric)
    {
        var revenue = metric.Metric.Kind == MetricKind.Revenue;
        console.MarkupLine($"metric [bold]{Markup.Escape(metric.Metric.Name)}[/]{(metric.Primary ? " (primary)" : "")}: {Markup.Escape(ExperimentView.Describe(metric.Metric))}");
        var arms = revenue
            ? new Table().AddColumns("arm", "customers", "revenue / customer", "95% CI")
            : new Table().AddColumns("arm", "customers", "conversions", "rate", "95% CI");
        foreach (var arm in metric.Arms)
        {
            string[] cells = revenue
                ? [arm.Arm, Formats.Count(arm.Customers), arm.HasRevenuePerCustomer ? Amount(arm.RevenuePerCustomer) : "", Interval(arm.RevenuePerCustomerInterval, v => Amount(v))]
                : [arm.Arm, Formats.Count(arm.Customers), Formats.Count(arm.Conversions), arm.HasConversionRate ? Percent(arm.ConversionRate) : "", Interval(arm.ConversionRateInterval, v => Percent(v))];
            arms.AddRow([.. cells.Select(Markup.Escape)]);
        }

        console.Write(arms);
        if (metric.Comparisons.Count == 0)
        {
            return;
        }

        console.MarkupLine(Markup.Escape($"vs {metric.ControlArm}, {FixedHorizon}:"));
        console.Write(revenue ? Effects(metric, c => c.RevenueDifference, v => Amount(v, signed: true), "difference", "95% CI") : ConversionLifts(metric));
        console.MarkupLine(Markup.Escape($"vs {metric.ControlArm}, {AlwaysValid}:"));
        console.Write(revenue
            ? Effects(metric, c => c.AlwaysValidRevenueDifference, v => Amount(v, signed: true), "difference", "95% confidence sequence")
            : Effects(metric, c => c.AlwaysValidConversionLift, Points, "lift", "95% confidence sequence"));
    }

    private static Table ConversionLifts(MetricResults metric)
    {
        var table = new Table().AddColumns("arm", "lift", "95% CI", "relative", "95% CI", "p", "p (Holm)");
        foreach (var comparison in metric.Comparisons)
        {
            var lift = comparison.ConversionLift;
            var relative = comparison.RelativeConversionLift;
            table.AddRow([.. new[]
            {
                comparison.Arm,
                lift is null ? "not enough data" : Points(lift.Estimate),
                Interval(lift?.Interval, Points),
                relative is null ? "" : Change(relative.Estimate),
                Interval(relative?.Interval, Change),
                PValue(lift is { HasPValue: true } ? lift.PValue : null),
                PValue(lift is { HasAdjustedPValue: true } ? lift.AdjustedPValue : null),
            }.Select(Markup.Escape)]);
        }

        return table;
    }

    private static Table Effects(MetricResults metric, Func<ArmComparison, Effect?> figure, Func<double, string> format, string estimate, string interval)
    {
        var table = new Table().AddColumns("arm", estimate, interval, "p", "p (Holm)");
        foreach (var comparison in metric.Comparisons)
        {
            var effect = figure(comparison);
            table.AddRow([.. new[]
            {
                comparison.Arm,
                effect is null ? "not enough data" : format(effect.Estimate),
                Interval(effect?.Interval, format),
                PValue(effect is { HasPValue: true } ? effect.PValue : null),
                PValue(effect is { HasAdjustedPValue: true } ? effect.AdjustedPValue : null),
            }.Select(Markup.Escape)]);
        }

        return table;
    }
}
