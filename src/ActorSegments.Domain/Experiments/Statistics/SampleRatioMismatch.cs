namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// The sample-ratio-mismatch check: whether the customers assigned to the arms fit the arms' weights, by Pearson's
/// chi-square goodness of fit, χ² = Σ (observed − expected)² / expected with expected = total · weight / Σ weights, on
/// arms − 1 degrees of freedom (scipy's stats.chisquare). A mismatch means assignment or counting is broken (a bot
/// filter, a crash, a redirect that loses one arm's customers) and every other figure of the experiment is suspect:
/// show it as a warning above the results rather than as one more figure.
/// </summary>
public sealed record SampleRatioMismatch(double ChiSquare, int DegreesOfFreedom, double PValue)
{
    /// <summary>
    /// The p-value under which <see cref="IsMismatch"/> holds. Far below the usual 0.05 because the check is run at every
    /// look on every experiment: at 0.001 a correct experiment raises a false alarm once in a thousand looks, while a real
    /// mismatch quickly drives p far below it (a 50/50 split that comes out 51/49 over 100,000 customers gives
    /// p ≈ 2.5e-10).
    /// </summary>
    public const double Threshold = 0.001;

    public bool IsMismatch => PValue < Threshold;

    /// <summary>The check of <paramref name="assigned"/> customers per arm against the arms' <paramref name="weights"/>, in the same order.</summary>
    public static SampleRatioMismatch Check(IReadOnlyList<long> assigned, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        ArgumentNullException.ThrowIfNull(weights);
        if (assigned.Count < 2 || weights.Count != assigned.Count)
        {
            throw new ArgumentException($"the check needs two arms or more and one weight per arm; got {assigned.Count} counts and {weights.Count} weights.", nameof(weights));
        }

        if (weights.Any(w => !(w > 0 && double.IsFinite(w))))
        {
            throw new ArgumentOutOfRangeException(nameof(weights), "every weight must be a finite number > 0 (an arm with weight 0 gets no customers and has no place in the check).");
        }

        if (assigned.Any(n => n < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(assigned), "assigned counts must be ≥ 0.");
        }

        double total = assigned.Sum();
        var degreesOfFreedom = assigned.Count - 1;
        if (total == 0)
        {
            return new SampleRatioMismatch(0, degreesOfFreedom, 1);
        }

        var weightSum = weights.Sum();
        var chiSquare = 0.0;
        for (var i = 0; i < assigned.Count; i++)
        {
            var expected = total * weights[i] / weightSum;
            chiSquare += (assigned[i] - expected) * (assigned[i] - expected) / expected;
        }

        return new SampleRatioMismatch(chiSquare, degreesOfFreedom, Distributions.ChiSquareSurvival(chiSquare, degreesOfFreedom));
    }
}
