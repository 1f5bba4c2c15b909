using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

public sealed class ArmTotalsTests
{
    private static readonly double[] Revenues = [0, 0, 12.5, 0, 99.99, 0, 0, 3.2, 0, 47, 0, 0, 0, 250.1, 0];

    [Fact]
    public void Add_CustomerByCustomer_EqualsTheRunningSums()
    {
        var added = Revenues.Aggregate(ArmTotals.Empty, (totals, r) => totals.Add(r > 0, r));
        var fromSums = ArmTotals.FromSums(Revenues.Length, Revenues.Count(r => r > 0), Revenues.Sum(), Revenues.Sum(r => r * r));

        Assert.Equal((fromSums.Customers, fromSums.Conversions), (added.Customers, added.Conversions));
        Figures.Relative(fromSums.RevenueMean, added.RevenueMean, "mean");
        Figures.Relative(fromSums.RevenueSquaredDeviations, added.RevenueSquaredDeviations, "squared deviations");
        Figures.Relative(Revenues.Sum(), added.RevenueSum, "sum");
    }

    [Fact]
    public void Combine_TwoHalves_EqualsAddingEveryone()
    {
        var whole = Revenues.Aggregate(ArmTotals.Empty, (totals, r) => totals.Add(r > 0, r));
        var first = Revenues.Take(6).Aggregate(ArmTotals.Empty, (totals, r) => totals.Add(r > 0, r));
        var second = Revenues.Skip(6).Aggregate(ArmTotals.Empty, (totals, r) => totals.Add(r > 0, r));

        var combined = first.Combine(second);

        Assert.Equal((whole.Customers, whole.Conversions), (combined.Customers, combined.Conversions));
        Figures.Relative(whole.RevenueMean, combined.RevenueMean, "mean");
        Figures.Relative(whole.RevenueSquaredDeviations, combined.RevenueSquaredDeviations, "squared deviations");
        Assert.Same(first, first.Combine(ArmTotals.Empty));
        Assert.Same(first, ArmTotals.Empty.Combine(first));
    }

    [Fact]
    public void Add_MeanFarFromZero_KeepsTheVarianceExact()
    {
        // 1e8 ± 1: Σr² − (Σr)²/n cancels 16 digits here; Welford's update does not subtract large numbers.
        var totals = Enumerable.Range(0, 1000).Aggregate(ArmTotals.Empty, (t, i) => t.Add(false, 1e8 + (i % 2 == 0 ? 1 : -1)));

        Figures.Relative(1000, totals.RevenueSquaredDeviations, "squared deviations");
    }

    [Fact]
    public void FromSums_EqualValues_HasNoNegativeVariance()
    {
        var totals = ArmTotals.FromSums(3, 0, 0.3, 3 * 0.1 * 0.1);

        Assert.InRange(totals.RevenueSquaredDeviations, 0, 1e-15);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, "customers")]
    [InlineData(10, 11, 0, 0, "conversions")]
    [InlineData(10, -1, 0, 0, "conversions")]
    [InlineData(10, 1, double.NaN, 0, "revenueMean")]
    [InlineData(0, 0, 5, 0, "revenueMean")]
    [InlineData(10, 1, 5, -1, "revenueSquaredDeviations")]
    [InlineData(10, 1, 5, double.PositiveInfinity, "revenueSquaredDeviations")]
    public void Constructor_Impossible_ThrowsNamingTheField(long customers, long conversions, double mean, double squaredDeviations, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => new ArmTotals(customers, conversions, mean, squaredDeviations)).ParamName);

    [Theory]
    [InlineData(10, 5, -1, "revenueSumOfSquares")]
    [InlineData(0, 0, 4, "revenueSumOfSquares")]
    [InlineData(0, 2, 4, "revenueSum")]
    [InlineData(10, double.NaN, 4, "revenueSum")]
    public void FromSums_Impossible_ThrowsNamingTheField(long customers, double sum, double sumOfSquares, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => ArmTotals.FromSums(customers, 0, sum, sumOfSquares)).ParamName);
}
