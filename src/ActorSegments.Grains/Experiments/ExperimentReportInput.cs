using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// One experiment as the effectiveness report takes it: its readout, and each arm's totals on the primary metric, which
/// the verdicts between strategy arms compare pair by pair (<see cref="ArmComparison.Compare"/>).
/// </summary>
public sealed record ExperimentReportInput(ExperimentReadout Readout, IReadOnlyDictionary<string, ArmTotals> PrimaryTotals)
{
    /// <summary>The input for a readout: its primary metric's totals, as the readout was computed from them.</summary>
    public static ExperimentReportInput From(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        return new ExperimentReportInput(readout, readout.Metrics.First(m => m.Primary).Totals);
    }
}
