namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// How many customers each of two equal arms needs for the two-sided pooled two-proportion z-test at level α to detect
/// an absolute lift δ from a baseline rate p₁ with the given power (the normal-approximation formula of Fleiss, without
/// continuity correction):
/// <code>n = (z₁₋α/₂ · √(2·p̄(1 − p̄)) + z_power · √(p₁(1 − p₁) + p₂(1 − p₂)))² / δ²,  p₂ = p₁ + δ, p̄ = (p₁ + p₂)/2</code>
/// rounded up. It equals statsmodels' samplesize_proportions_2indep_onetail(δ, p₁, power, alpha=α). It differs slightly
/// from NormalIndPower().solve_power on proportion_effectsize, which works on Cohen's arcsine effect size h instead.
/// </summary>
public static class SampleSize
{
    /// <summary>Customers per arm; see the type for the formula.</summary>
    /// <param name="baselineRate">The control's conversion rate, strictly between 0 and 1 (0.05 for 5 %).</param>
    /// <param name="minimumDetectableEffect">The smallest absolute lift worth finding, > 0, with baseline + effect &lt; 1 (0.01 for 5 % → 6 %).</param>
    /// <param name="power">The chance of detecting a lift of that size, strictly between <paramref name="alpha"/> and 1.</param>
    /// <param name="alpha">The two-sided false-positive rate, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An input outside its range, named with what was expected.</exception>
    public static long CustomersPerArm(double baselineRate, double minimumDetectableEffect, double power = 0.8, double alpha = 0.05) =>
        (long)Math.Ceiling(ExactCustomersPerArm(baselineRate, minimumDetectableEffect, power, alpha));

    /// <summary>The formula before rounding up.</summary>
    internal static double ExactCustomersPerArm(double baselineRate, double minimumDetectableEffect, double power, double alpha)
    {
        RequireProbability(baselineRate, nameof(baselineRate), "a conversion rate such as 0.05");
        if (!(minimumDetectableEffect > 0 && baselineRate + minimumDetectableEffect < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumDetectableEffect), minimumDetectableEffect,
                $"minimumDetectableEffect must be an absolute lift > 0 with baselineRate + minimumDetectableEffect < 1 (below {1 - baselineRate:R} for this baseline), such as 0.01 for 5 % → 6 %.");
        }

        RequireProbability(alpha, nameof(alpha), "a two-sided false-positive rate such as 0.05");
        if (!(power > alpha && power < 1))
        {
            // Below α the formula, which ignores the far tail of the test, stops meaning anything.
            throw new ArgumentOutOfRangeException(nameof(power), power, $"power must be strictly between alpha ({alpha:R}) and 1 (a chance such as 0.8).");
        }

        var treatedRate = baselineRate + minimumDetectableEffect;
        var meanRate = (baselineRate + treatedRate) / 2;
        var underNull = Distributions.NormalQuantile(1 - (alpha / 2)) * Math.Sqrt(2 * meanRate * (1 - meanRate));
        var underAlternative = Distributions.NormalQuantile(power) * Math.Sqrt((baselineRate * (1 - baselineRate)) + (treatedRate * (1 - treatedRate)));
        var root = (underNull + underAlternative) / minimumDetectableEffect;
        return root * root;
    }

    private static void RequireProbability(double value, string name, string example)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be strictly between 0 and 1 ({example}).");
        }
    }
}
