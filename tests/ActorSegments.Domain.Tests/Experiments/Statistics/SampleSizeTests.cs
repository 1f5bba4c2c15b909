using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

public sealed class SampleSizeTests
{
    public static TheoryData<int> Cases() => Reference.Indexes(Reference.Committed.SampleSize.Count);

    [Theory]
    [MemberData(nameof(Cases))]
    public void CustomersPerArm_ReferenceCases_EqualsTheFormulaAndStatsmodels(int index)
    {
        var c = Reference.Committed.SampleSize[index];
        var what = $"baseline {c.Baseline}, mde {c.Mde}, power {c.Power}, alpha {c.Alpha}";

        var exact = SampleSize.ExactCustomersPerArm(c.Baseline, c.Mde, c.Power, c.Alpha);

        Figures.Relative(c.Exact, exact, what);
        Figures.Relative(c.Statsmodels, exact, what + " (statsmodels)");
        Assert.Equal(c.CustomersPerArm, SampleSize.CustomersPerArm(c.Baseline, c.Mde, c.Power, c.Alpha));
    }

    [Fact]
    public void CustomersPerArm_Defaults_AreEightyPercentPowerAtFivePercent() =>
        Assert.Equal(SampleSize.CustomersPerArm(0.05, 0.01, 0.8, 0.05), SampleSize.CustomersPerArm(0.05, 0.01));

    [Fact]
    public void CustomersPerArm_SmallerEffect_NeedsMoreCustomers() =>
        Assert.True(SampleSize.CustomersPerArm(0.05, 0.005) > 3.5 * SampleSize.CustomersPerArm(0.05, 0.01));

    [Theory]
    [InlineData(0, 0.01, 0.8, 0.05, "baselineRate", "strictly between 0 and 1")]
    [InlineData(1, 0.01, 0.8, 0.05, "baselineRate", "strictly between 0 and 1")]
    [InlineData(-0.2, 0.01, 0.8, 0.05, "baselineRate", "strictly between 0 and 1")]
    [InlineData(double.NaN, 0.01, 0.8, 0.05, "baselineRate", "strictly between 0 and 1")]
    [InlineData(0.05, 0, 0.8, 0.05, "minimumDetectableEffect", "absolute lift > 0")]
    [InlineData(0.05, -0.01, 0.8, 0.05, "minimumDetectableEffect", "absolute lift > 0")]
    [InlineData(0.9, 0.1, 0.8, 0.05, "minimumDetectableEffect", "baselineRate + minimumDetectableEffect < 1")]
    [InlineData(0.05, 0.01, 0, 0.05, "power", "strictly between alpha")]
    [InlineData(0.05, 0.01, 1, 0.05, "power", "strictly between alpha")]
    [InlineData(0.05, 0.01, 0.04, 0.05, "power", "strictly between alpha")]
    [InlineData(0.05, 0.01, 0.8, 0, "alpha", "strictly between 0 and 1")]
    [InlineData(0.05, 0.01, 0.8, 1, "alpha", "strictly between 0 and 1")]
    public void CustomersPerArm_InputOutOfRange_ThrowsNamingTheParameterAndTheRange(double baseline, double mde, double power, double alpha, string parameter, string expected)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.CustomersPerArm(baseline, mde, power, alpha));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
