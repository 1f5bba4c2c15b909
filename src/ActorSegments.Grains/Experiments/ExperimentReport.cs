using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// The campaign effectiveness report: running and stopped experiments ranked by the relative lift of their best arm
/// over the control on the primary metric, and for strategy experiments (more than one non-control arm with
/// targeting) a verdict on every pair of strategy arms. Drafts are left out: they have no results.
/// </summary>
public static class ExperimentReport
{
    public static IReadOnlyList<ExperimentReportEntry> Rank(IEnumerable<ExperimentReportInput> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        var entries = experiments
            .Where(e => e.Readout.Experiment.Status != ExperimentStatus.Draft)
            .Select(Judge)
            .OrderBy(e => e.RelativeLift is null)
            .ThenByDescending(e => e.RelativeLift?.Estimate ?? 0)
            .ThenBy(e => e.Experiment.Id, StringComparer.Ordinal)
            .ToList();
        return [.. entries.Select((entry, index) => entry with { Rank = index + 1 })];
    }

    private static ExperimentReportEntry Judge(ExperimentReportInput input)
    {
        var readout = input.Readout;
        var definition = readout.Experiment.Definition;
        var primary = readout.Metrics.First(m => m.Primary);
        var control = definition.ControlArm.Name;
        var controlSummary = Summary(primary.Results, control);
        var lifts = primary.Results.Comparisons
            .Select(c => (c.Arm, Lift: ExperimentReportFigures.RelativeLift(c, primary.Metric.Kind, controlSummary)))
            .ToList();
        var (best, lift) = lifts.Any(l => l.Lift is not null) ? lifts.Where(l => l.Lift is not null).MaxBy(l => l.Lift!.Estimate) : lifts[0];
        var revenue = readout.Metrics.FirstOrDefault(m => m.Metric.Kind == MetricKind.Revenue);
        return new ExperimentReportEntry(
            0,
            readout.Experiment,
            primary.Metric,
            control,
            best,
            lift,
            readout.Reach.First(r => r.Arm == best),
            revenue?.Metric.Name,
            revenue is null ? null : Summary(revenue.Results, best).RevenuePerCustomer,
            revenue is null ? null : Summary(revenue.Results, control).RevenuePerCustomer,
            ExperimentReportFigures.SampleRatio(readout).IsMismatch,
            ExperimentReportFigures.Sentence(best, control, lift),
            StrategyVerdicts(input, primary.Metric));
    }

    /// <summary>
    /// Every pair of strategy arms in definition order, each stated from the arm ahead (the other arm as the baseline),
    /// p-values Holm-adjusted across the pairs.
    /// </summary>
    private static IReadOnlyList<StrategyVerdict> StrategyVerdicts(ExperimentReportInput input, ExperimentMetric metric)
    {
        var strategies = input.Readout.Experiment.Definition.Arms.Where(a => !a.Control && !string.IsNullOrWhiteSpace(a.Targeting)).Select(a => a.Name).ToList();
        if (strategies.Count < 2)
        {
            return [];
        }

        var pairs = new List<(string Arm, string Other, Effect? Lift)>();
        for (var i = 0; i < strategies.Count; i++)
        {
            for (var j = i + 1; j < strategies.Count; j++)
            {
                var forward = Compare(input.PrimaryTotals, metric, strategies[i], strategies[j]);
                pairs.Add(forward.Lift is { Estimate: < 0 } ? Compare(input.PrimaryTotals, metric, strategies[j], strategies[i]) : forward);
            }
        }

        var tested = pairs.Select((p, index) => (Index: index, p.Lift?.PValue)).Where(t => t.PValue is not null).ToList();
        var adjusted = HolmCorrection.Adjust([.. tested.Select(t => t.PValue!.Value)]);
        for (var k = 0; k < tested.Count; k++)
        {
            var pair = pairs[tested[k].Index];
            pairs[tested[k].Index] = pair with { Lift = pair.Lift! with { AdjustedPValue = adjusted[k] } };
        }

        return [.. pairs.Select(p => new StrategyVerdict(p.Arm, p.Other, p.Lift, ExperimentReportFigures.IsSignificant(p.Lift), ExperimentReportFigures.Sentence(p.Arm, p.Other, p.Lift)))];
    }

    private static (string Arm, string Other, Effect? Lift) Compare(IReadOnlyDictionary<string, ArmTotals> totals, ExperimentMetric metric, string arm, string other)
    {
        var comparison = ArmComparison.Compare(arm, totals[arm], other, totals[other]);
        return (arm, other, ExperimentReportFigures.RelativeLift(comparison, metric.Kind, ArmSummary.Of(other, totals[other])));
    }

    private static ArmSummary Summary(ExperimentResults results, string arm) => results.Arms.First(a => a.Arm == arm);
}
