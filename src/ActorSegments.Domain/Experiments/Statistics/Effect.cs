namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// How an arm differs from the arm it is compared with on one metric: the <see cref="Estimate"/> (treatment − control,
/// or treatment / control − 1 for a relative lift), its interval, and the two-sided p-value of "no difference".
/// <see cref="Kind"/> says whether the interval and p-value hold at one fixed sample size or at every look.
/// </summary>
/// <param name="Kind">Whether <paramref name="Interval"/> and the p-values hold at one fixed sample size or at every look.</param>
/// <param name="Estimate">The observed difference (or relative lift).</param>
/// <param name="Interval">The interval at <see cref="ConfidenceInterval.Level"/>; a confidence sequence when always valid.</param>
/// <param name="PValue">Null where the figure has no test of its own (a relative lift: read the absolute lift's).</param>
/// <param name="AdjustedPValue">
/// Holm-adjusted across the arms compared with the same control on the same metric and kind; equal to
/// <see cref="PValue"/> when there is one such arm. Compare it, not <see cref="PValue"/>, with the significance level
/// when several arms are tested.
/// </param>
public sealed record Effect(InferenceKind Kind, double Estimate, ConfidenceInterval Interval, double? PValue, double? AdjustedPValue);
