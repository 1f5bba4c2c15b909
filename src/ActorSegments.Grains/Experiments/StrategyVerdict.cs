using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// Two strategy arms of one experiment compared on its primary metric, over every customer of each arm (intent to
/// treat).
/// </summary>
/// <param name="Arm">The arm ahead (the higher estimate).</param>
/// <param name="OtherArm">The arm it is compared with.</param>
/// <param name="RelativeLift">
/// <paramref name="Arm"/>'s relative lift over <paramref name="OtherArm"/> (see
/// <see cref="ExperimentReportFigures.RelativeLift"/>), p-values Holm-adjusted across the experiment's pairs of strategy
/// arms; null while the data cannot give it.
/// </param>
/// <param name="Significant">The 95 % interval excludes 0 and the adjusted p-value is below 0.05: only then does <paramref name="Verdict"/> say "beats".</param>
/// <param name="Verdict">One sentence: "ai_cohorts beats manual by +12.3% (95% CI 4.1%..20.5%), p = 0.003".</param>
public sealed record StrategyVerdict(string Arm, string OtherArm, Effect? RelativeLift, bool Significant, string Verdict);
