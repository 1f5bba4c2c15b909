namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// An experiment's figures at one look: every arm on its own (in the order given, control included), every other arm
/// against the control with p-values Holm-adjusted across those comparisons, and the sample-ratio check, whose
/// <see cref="SampleRatioMismatch.IsMismatch"/> is to be shown as a warning that puts every other figure in doubt.
/// Keep it: the next look's analysis continues the always-valid figures from it.
/// </summary>
public sealed record ExperimentResults(
    string Control,
    IReadOnlyList<ArmSummary> Arms,
    IReadOnlyList<ArmComparison> Comparisons,
    SampleRatioMismatch SampleRatio);
