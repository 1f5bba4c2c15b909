using ActorSegments.Domain.Experiments;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// One experiment as the effectiveness report takes it: its readout, and the arm totals the readout was computed from
/// (<see cref="Domain.Storage.IExperimentTotals"/>), which the verdicts between strategy arms are computed from in turn. An
/// experiment without two strategy arms needs no totals (pass none).
/// </summary>
public sealed record ExperimentReportInput(ExperimentReadout Readout, IReadOnlyList<ArmMetricTotals> Totals);
