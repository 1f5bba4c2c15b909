using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// One experiment as the effectiveness report takes it: its readout, and each arm's totals on the primary metric, which
/// the verdicts between strategy arms compare pair by pair (<see cref="ArmComparison.Compare"/>).
/// </summary>
public sealed record ExperimentReportInput(ExperimentReadout Readout, IReadOnlyDictionary<string, ArmTotals> PrimaryTotals)
{
    /// <summary>
    /// The input for a readout and the totals rows it was read from. A 0/1 metric's totals follow from each arm's
    /// customers and conversions as the readout counted them (retention: only customers whose day N is over); a
    /// revenue metric's also need the sum and sum of squares of revenue per customer, added up from the rows.
    /// </summary>
    public static ExperimentReportInput From(ExperimentReadout readout, IReadOnlyList<ArmMetricTotals> rows)
    {
        ArgumentNullException.ThrowIfNull(readout);
        ArgumentNullException.ThrowIfNull(rows);
        var primary = readout.Metrics.First(m => m.Primary);
        var totals = new Dictionary<string, ArmTotals>(StringComparer.Ordinal);
        foreach (var arm in primary.Results.Arms)
        {
            if (primary.Metric.Kind == MetricKind.Revenue)
            {
                var outcomes = rows.Where(r => r.Arm == arm.Arm && r.Metric == primary.Metric.Name).ToList();
                totals[arm.Arm] = ArmTotals.FromSums(arm.Customers, 0, outcomes.Sum(r => r.Sum), Math.Max(0, outcomes.Sum(r => r.SumOfSquares)));
            }
            else
            {
                totals[arm.Arm] = ArmTotals.FromSums(arm.Customers, arm.Conversions, arm.Conversions, arm.Conversions);
            }
        }

        return new ExperimentReportInput(readout, totals);
    }
}
