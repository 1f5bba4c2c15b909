using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

public sealed class ArmSummaryTests
{
    [Theory]
    [MemberData(nameof(Reference.DatasetsBothWays), MemberType = typeof(Reference))]
    public void Of_ReferenceArms_EqualsStatsmodelsWilsonAndScipyT(int dataset, bool fromSums)
    {
        foreach (var arm in Reference.Committed.Datasets[dataset].Arms)
        {
            var expected = arm.Expected!;
            var what = $"{Reference.Committed.Datasets[dataset].Name} / {arm.Name}";

            var summary = ArmSummary.Of(arm.Name, arm.Totals(fromSums));

            Assert.Equal((arm.Customers, arm.Conversions), (summary.Customers, summary.Conversions));
            Figures.Relative(expected.Rate, summary.ConversionRate, what + " rate");
            Figures.Interval(expected.RateLower, expected.RateUpper, summary.ConversionRateInterval, what + " Wilson");
            Figures.Relative(expected.RevenueMean, summary.RevenuePerCustomer, what + " revenue per customer");
            Figures.Interval(expected.RevenueLower, expected.RevenueUpper, summary.RevenuePerCustomerInterval, what + " t interval");
        }
    }

    [Fact]
    public void Of_NoConversions_WilsonStillBoundsTheRateAboveZero()
    {
        // Wilson's reason to exist: p̂ = 0 gives the Wald interval [0, 0]; the score interval is [0, z²/(n + z²)].
        var summary = ArmSummary.Of("a", new ArmTotals(100, 0, 0, 0));

        Assert.Equal(0, summary.ConversionRateInterval!.Lower, 15);
        Assert.Equal(3.8414588206941254 / (100 + 3.8414588206941254), summary.ConversionRateInterval.Upper, 12);
    }

    [Fact]
    public void Of_NoCustomers_HasCountsButNoRates()
    {
        var summary = ArmSummary.Of("a", ArmTotals.Empty);

        Assert.Equal(new ArmSummary("a", 0, 0, null, null, null, null), summary);
    }

    [Fact]
    public void Of_OneCustomerOrNoRevenueVariation_HasNoRevenueInterval()
    {
        Assert.Null(ArmSummary.Of("a", ArmTotals.Empty.Add(true, 12)).RevenuePerCustomerInterval);
        Assert.Null(ArmSummary.Of("a", new ArmTotals(50, 0, 0, 0)).RevenuePerCustomerInterval);
        Assert.NotNull(ArmSummary.Of("a", ArmTotals.Empty.Add(true, 12).Add(false, 0)).RevenuePerCustomerInterval);
    }
}
