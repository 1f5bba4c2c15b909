using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

/// <summary>
/// Closed-form figures must equal the reference to 1e-9. P-values, rates, chi-square values and sample sizes: relative
/// (|actual − expected| ≤ 1e-9·|expected|), since a p-value of 1e-8 is wrong at 1e-12. Estimates and interval bounds:
/// relative to the larger of the figure itself and its interval's width, since a bound near 0 (a lift interval that
/// straddles no effect) has no relative precision of its own, while 1e-9 of the width is far below anything shown.
/// </summary>
internal static class Figures
{
    public const double Tolerance = 1e-9;

    public static void Relative(double expected, double? actual, string what)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual.Value - expected) <= Tolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual.Value:R} (relative error {Math.Abs(actual.Value - expected) / Math.Abs(expected):E2})");
    }

    public static void Bound(double expected, double actual, double width, string what)
    {
        var scale = Math.Max(Math.Abs(expected), width);
        Assert.True(Math.Abs(actual - expected) <= Tolerance * scale,
            $"{what}: expected {expected:R}, got {actual:R} (error {Math.Abs(actual - expected) / scale:E2} of {scale:G4})");
    }

    public static void Interval(double expectedLower, double expectedUpper, ConfidenceInterval? actual, string what)
    {
        Assert.NotNull(actual);
        var width = expectedUpper - expectedLower;
        Bound(expectedLower, actual.Lower, width, what + " lower");
        Bound(expectedUpper, actual.Upper, width, what + " upper");
    }

    /// <summary>A fixed-horizon difference with its interval and (unadjusted) p-value.</summary>
    public static void FixedHorizon(double expected, double expectedLower, double expectedUpper, double expectedP, Effect? actual, string what)
    {
        Assert.Equal(InferenceKind.FixedHorizon, actual?.Kind);
        Estimate(expected, expectedLower, expectedUpper, actual, what);
        Relative(expectedP, actual!.PValue, what + " p");
    }

    /// <summary>An estimate with its interval; the estimate judged against the interval's width.</summary>
    public static void Estimate(double expected, double expectedLower, double expectedUpper, Effect? actual, string what)
    {
        Assert.NotNull(actual);
        Bound(expected, actual.Estimate, expectedUpper - expectedLower, what);
        Interval(expectedLower, expectedUpper, actual.Interval, what);
    }
}
