using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// The distribution functions the statistics need. Tail probabilities go through the regularized special functions
/// directly (not 1 − CDF) so that small p-values keep their relative precision instead of rounding to 0.
/// </summary>
internal static class Distributions
{
    /// <summary>z with P(Z ≤ z) = <paramref name="probability"/> for a standard normal Z.</summary>
    public static double NormalQuantile(double probability) => Normal.InvCDF(0, 1, probability);

    /// <summary>The critical value of a two-sided interval at <paramref name="level"/> (1.959964 for 0.95).</summary>
    public static double NormalCritical(double level) => NormalQuantile(1 - UpperTail(level));

    /// <summary>(1 − level) / 2, the probability a two-sided interval leaves out on each side.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not strictly between 0 and 1.</exception>
    public static double UpperTail(double level) => level > 0 && level < 1
        ? (1 - level) / 2
        : throw new ArgumentOutOfRangeException(nameof(level), level, "level must be strictly between 0 and 1 (0.95 for a 95 % interval).");

    /// <summary>P(|Z| ≥ |z|) = erfc(|z| / √2).</summary>
    public static double NormalTwoSidedP(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Constants.Sqrt2);

    /// <summary>The two-sided critical value of Student's t with <paramref name="degreesOfFreedom"/> at <paramref name="level"/>.</summary>
    /// <remarks>
    /// MathNet finds the quantile by bracketing root search, which at tens of degrees of freedom is off by ~1e-9;
    /// two Newton steps on the exact tail (quadratic convergence) bring it to the last few bits. (scipy 1.10's t.ppf
    /// is off by as much: at 58 degrees of freedom it gives 2.0017174830 where the quantile is 2.0017174841, which the
    /// reference tests absorb as 3e-10 of an interval's width.)
    /// </remarks>
    public static double StudentTCritical(double degreesOfFreedom, double level)
    {
        var tail = UpperTail(level);
        var t = StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - tail);
        for (var step = 0; step < 2; step++)
        {
            t += ((StudentTTwoSidedP(t, degreesOfFreedom) / 2) - tail) / StudentT.PDF(0, 1, degreesOfFreedom, t);
        }

        return t;
    }

    /// <summary>P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, 1/2), the regularized incomplete beta function.</summary>
    public static double StudentTTwoSidedP(double t, double degreesOfFreedom) =>
        SpecialFunctions.BetaRegularized(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + (t * t)));

    /// <summary>P(X ≥ x) for a chi-square X with <paramref name="degreesOfFreedom"/>: Q(k/2, x/2).</summary>
    public static double ChiSquareSurvival(double x, int degreesOfFreedom) =>
        SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2);
}
