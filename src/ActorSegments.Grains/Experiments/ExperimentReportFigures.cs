using System.Globalization;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// The figures the effectiveness report judges experiments by, and the sentences it states them in. Every figure is
/// fixed horizon at 95 %, from the Domain's statistics; nothing here is a new test.
/// </summary>
public static class ExperimentReportFigures
{
    /// <summary>The significance level a verdict needs the adjusted p-value under, matching the 95 % intervals.</summary>
    public const double SignificanceLevel = 0.05;

    /// <summary>The sample-ratio check of the customers assigned per arm against the arms' weights.</summary>
    public static SampleRatioMismatch SampleRatio(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        var definition = readout.Experiment.Definition;
        return SampleRatioMismatch.Check(
            [.. readout.Reach.Select(r => r.Assigned)],
            [.. readout.Reach.Select(r => definition.Arm(r.Arm)?.Weight ?? throw new ArgumentException($"arm '{r.Arm}' of the reach is not an arm of '{definition.Id}'.", nameof(readout)))]);
    }

    /// <summary>
    /// The relative lift of <paramref name="comparison"/>'s arm over its baseline, a fraction (0.123 = +12.3 %).
    /// Conversion and retention: the Domain's relative conversion lift (log-ratio interval) with the p-values of the
    /// absolute lift's z-test, which answers the same question. Revenue: the Welch difference divided by the
    /// baseline's revenue per customer, interval and p-values Welch's; the interval treats the baseline's revenue per
    /// customer as known, so it is slightly narrow, but it excludes 0 exactly when Welch's does. Null while the data
    /// cannot give it (for revenue, also while the baseline has no revenue).
    /// </summary>
    public static Effect? RelativeLift(ArmComparison comparison, MetricKind kind, ArmSummary baseline)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(baseline);
        if (kind != MetricKind.Revenue)
        {
            return comparison is { RelativeConversionLift: { } relative, ConversionLift: { } absolute }
                ? relative with { PValue = absolute.PValue, AdjustedPValue = absolute.AdjustedPValue }
                : null;
        }

        if (comparison.RevenueDifference is not { } difference || baseline.RevenuePerCustomer is not (> 0 and var mean))
        {
            return null;
        }

        var interval = difference.Interval;
        return difference with
        {
            Estimate = difference.Estimate / mean,
            Interval = new ConfidenceInterval(interval.Lower / mean, interval.Upper / mean, interval.Level),
        };
    }

    /// <summary>Whether the interval excludes 0 and the adjusted p-value (when there is one) is below <see cref="SignificanceLevel"/>.</summary>
    public static bool IsSignificant(Effect? lift) =>
        lift is not null
        && (lift.Interval.Lower > 0 || lift.Interval.Upper < 0)
        && (lift.AdjustedPValue ?? lift.PValue ?? 0) < SignificanceLevel;

    /// <summary>
    /// One sentence on <paramref name="arm"/> against <paramref name="other"/>: "a beats b by +12.3% (95% CI
    /// 4.1%..20.5%), p = 0.003" when significantly ahead, "a trails b by ..." when significantly behind, "a vs b: no
    /// significant difference (...)" otherwise, "a vs b: not enough data yet" without a figure. The p-value shown is
    /// the adjusted one.
    /// </summary>
    public static string Sentence(string arm, string other, Effect? lift)
    {
        if (lift is null)
        {
            return $"{arm} vs {other}: not enough data yet";
        }

        var interval = $"{Percent(lift.Interval.Level, signed: false, decimals: 0)} CI {Percent(lift.Interval.Lower)}..{Percent(lift.Interval.Upper)}";
        var p = PValue(lift.AdjustedPValue ?? lift.PValue);
        if (!IsSignificant(lift))
        {
            return $"{arm} vs {other}: no significant difference ({Percent(lift.Estimate, signed: true)}, {interval}{(p is null ? "" : $", {p}")})";
        }

        var verb = lift.Estimate > 0 ? "beats" : "trails";
        return $"{arm} {verb} {other} by {Percent(lift.Estimate, signed: true)} ({interval}){(p is null ? "" : $", {p}")}";
    }

    private static string Percent(double fraction, bool signed = false, int decimals = 1)
    {
        var digits = new string('0', decimals);
        var format = decimals == 0 ? "0" : $"0.{digits}";
        return (fraction * 100).ToString(signed ? $"+{format};-{format};{format}" : format, CultureInfo.InvariantCulture) + "%";
    }

    private static string? PValue(double? p) => p switch
    {
        null => null,
        < 0.001 => "p < 0.001",
        { } value => $"p = {value.ToString("0.####", CultureInfo.InvariantCulture)}",
    };
}
