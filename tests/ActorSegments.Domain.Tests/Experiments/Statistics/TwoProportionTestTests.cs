using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

public sealed class TwoProportionTestTests
{
    [Theory]
    [MemberData(nameof(Reference.DatasetsBothWays), MemberType = typeof(Reference))]
    public void AbsoluteLift_ReferenceArms_EqualsStatsmodelsWaldIntervalAndPooledZTest(int dataset, bool fromSums)
    {
        foreach (var (expected, control, treatment, what) in Reference.Committed.Datasets[dataset].Pairs(fromSums))
        {
            var lift = TwoProportionTest.AbsoluteLift(control, treatment);

            Figures.FixedHorizon(expected.Lift, expected.LiftLower, expected.LiftUpper, expected.LiftP, lift, what + " lift");
        }
    }

    [Theory]
    [MemberData(nameof(Reference.DatasetsBothWays), MemberType = typeof(Reference))]
    public void RelativeLift_ReferenceArms_EqualsStatsmodelsLogRatioInterval(int dataset, bool fromSums)
    {
        foreach (var (expected, control, treatment, what) in Reference.Committed.Datasets[dataset].Pairs(fromSums))
        {
            var lift = TwoProportionTest.RelativeLift(control, treatment);

            Figures.Estimate(expected.RelativeLift, expected.RelativeLower, expected.RelativeUpper, lift, what + " relative lift");
            Assert.Null(lift!.PValue);
        }
    }

    [Fact]
    public void AbsoluteLift_NoVariationInEitherArm_IsNull()
    {
        Assert.Null(TwoProportionTest.AbsoluteLift(new ArmTotals(100, 0, 0, 0), new ArmTotals(80, 0, 0, 0)));
        Assert.Null(TwoProportionTest.AbsoluteLift(ArmTotals.Empty, new ArmTotals(80, 3, 0, 0)));
        Assert.NotNull(TwoProportionTest.AbsoluteLift(new ArmTotals(100, 0, 0, 0), new ArmTotals(80, 1, 0, 0)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(95)]
    public void AbsoluteLift_LevelNotAProbability_Throws(double level) =>
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() =>
            TwoProportionTest.AbsoluteLift(new ArmTotals(100, 5, 0, 0), new ArmTotals(100, 7, 0, 0), level)).ParamName);

    [Fact]
    public void RelativeLift_ControlWithoutConversions_IsNull() =>
        Assert.Null(TwoProportionTest.RelativeLift(new ArmTotals(100, 0, 0, 0), new ArmTotals(80, 5, 0, 0)));

    [Fact]
    public void AbsoluteLift_SymmetricCounts_IsSignedAndPIsTheSameBothWays()
    {
        var low = new ArmTotals(1000, 50, 0, 0);
        var high = new ArmTotals(1000, 70, 0, 0);

        var up = TwoProportionTest.AbsoluteLift(low, high)!;
        var down = TwoProportionTest.AbsoluteLift(high, low)!;

        Assert.Equal(0.02, up.Estimate, 15);
        Assert.Equal(-0.02, down.Estimate, 15);
        Assert.Equal(up.PValue, down.PValue);
    }
}
