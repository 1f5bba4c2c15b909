namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>Which guarantee a p-value or interval carries; results name it on every comparison figure.</summary>
public enum InferenceKind
{
    /// <summary>
    /// Valid once, at a sample size fixed in advance: reading it again and again while data arrives and stopping when
    /// it looks significant inflates false positives (5 % nominal becomes 20 %+ over 20 looks).
    /// </summary>
    FixedHorizon,

    /// <summary>
    /// Valid at every look, however often and whenever one stops (a mixture sequential probability ratio test): the
    /// p-value never rises, the interval (a confidence sequence) never widens, and the error rate stays within the level.
    /// Wider than <see cref="FixedHorizon"/> at any one sample size: the price of being allowed to peek.
    /// </summary>
    AlwaysValid,
}
