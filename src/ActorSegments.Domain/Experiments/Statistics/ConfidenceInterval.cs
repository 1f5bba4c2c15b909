namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// A two-sided interval [<see cref="Lower"/>, <see cref="Upper"/>] that covers the true value with probability
/// <see cref="Level"/> (0.95 throughout the results). Whether that holds at one fixed sample size or at every look is
/// the <see cref="InferenceKind"/> of the figure that carries it.
/// </summary>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>The level every figure of the experiment results is given at.</summary>
    public const double DefaultLevel = 0.95;

    public bool Contains(double value) => Lower <= value && value <= Upper;

    /// <summary>estimate ± halfWidth.</summary>
    internal static ConfidenceInterval Around(double estimate, double halfWidth, double level) =>
        new(estimate - halfWidth, estimate + halfWidth, level);
}
