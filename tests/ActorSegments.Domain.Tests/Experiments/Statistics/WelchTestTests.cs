using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

public sealed class WelchTestTests
{
    [Theory]
    [MemberData(nameof(Reference.DatasetsBothWays), MemberType = typeof(Reference))]
    public void RevenueDifference_ReferenceArms_EqualsScipyWelchOnTheRawValues(int dataset, bool fromSums)
    {
        foreach (var (expected, control, treatment, what) in Reference.Committed.Datasets[dataset].Pairs(fromSums))
        {
            var difference = WelchTest.RevenueDifference(control, treatment);

            Figures.FixedHorizon(expected.RevenueDifference, expected.RevenueLower, expected.RevenueUpper, expected.RevenueP, difference, what + " revenue difference");
        }
    }

    [Fact]
    public void RevenueDifference_FewerThanTwoCustomersOrNoVariation_IsNull()
    {
        var two = ArmTotals.Empty.Add(false, 0).Add(true, 10);

        Assert.Null(WelchTest.RevenueDifference(ArmTotals.Empty.Add(true, 5), two));
        Assert.Null(WelchTest.RevenueDifference(new ArmTotals(10, 0, 0, 0), new ArmTotals(10, 0, 0, 0)));
        Assert.NotNull(WelchTest.RevenueDifference(two, two));
    }
}
