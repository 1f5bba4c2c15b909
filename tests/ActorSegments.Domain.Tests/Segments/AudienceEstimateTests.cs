using ActorSegments.Domain.Experiments.Statistics;
using ActorSegments.Domain.Segments;

namespace ActorSegments.Domain.Tests.Segments;

public sealed class AudienceEstimateTests
{
    [Fact]
    public void From_EveryCustomerEvaluated_IsExactWithNoInterval()
    {
        var estimate = AudienceEstimate.From(customers: 250, evaluated: 250, matched: 37);

        Assert.True(estimate.Exact);
        Assert.Equal((37L, 37L, 37L), (estimate.Estimate, estimate.Low, estimate.High));
    }

    [Fact]
    public void From_ACustomerRegisteredAfterTheCount_CountsTheSampleAsTheWhole()
    {
        var estimate = AudienceEstimate.From(customers: 99, evaluated: 100, matched: 40);

        Assert.True(estimate.Exact);
        Assert.Equal((100L, 40L), (estimate.Customers, estimate.Estimate));
    }

    [Fact]
    public void From_ASample_ScalesTheShareAndKeepsTheIntervalWithinWhatTheSampleMakesCertain()
    {
        var estimate = AudienceEstimate.From(customers: 1_000_000, evaluated: 2_000, matched: 500);

        Assert.False(estimate.Exact);
        Assert.Equal(250_000, estimate.Estimate);
        Assert.InRange(estimate.Low, 230_000, 249_999);
        Assert.InRange(estimate.High, 250_001, 270_000);

        // Nothing matched in a sample of 10 out of 12: at least none, at most the two unseen customers.
        var none = AudienceEstimate.From(customers: 12, evaluated: 10, matched: 0);
        Assert.Equal((0L, 0L), (none.Estimate, none.Low));
        Assert.InRange(none.High, 1, 2);
    }

    [Fact]
    public void From_NothingEvaluatedInAPopulatedWorkspace_KnowsOnlyTheBounds()
    {
        var estimate = AudienceEstimate.From(customers: 50, evaluated: 0, matched: 0);

        Assert.Equal((0L, 0L, 50L), (estimate.Estimate, estimate.Low, estimate.High));
    }

    [Fact]
    public void Wilson_WithAPopulationFarLargerThanTheSample_IsTheUncorrectedInterval()
    {
        var uncorrected = ProportionInterval.Wilson(81, 263, 0.95);
        var corrected = ProportionInterval.Wilson(81, 263, 0.95, population: 100_000_000);

        // statsmodels.stats.proportion.proportion_confint(81, 263, method="wilson")
        Assert.Equal(0.2553, uncorrected.Lower, 4);
        Assert.Equal(0.3662, uncorrected.Upper, 4);
        Assert.Equal(uncorrected.Lower, corrected.Lower, 5);
        Assert.Equal(uncorrected.Upper, corrected.Upper, 5);
    }

    [Fact]
    public void Wilson_SamplingWithoutReplacement_CoversTheTrueCountAboutNineteenTimesInTwentyAndNarrowsAsTheSampleGrows()
    {
        // A workspace of 1,000 customers, 300 of whom match; samples of 400 drawn without replacement.
        const int customers = 1_000, matching = 300, sampleSize = 400, draws = 4_000;
        var random = new Random(20261207);
        var population = Enumerable.Range(0, customers).Select(i => i < matching).ToArray();
        var covered = 0;
        var uncorrectedCovered = 0;
        for (var draw = 0; draw < draws; draw++)
        {
            random.Shuffle(population);
            var matched = population.Take(sampleSize).Count(m => m);
            var estimate = AudienceEstimate.From(customers, sampleSize, matched);
            var uncorrected = ProportionInterval.Wilson(matched, sampleSize, 0.95);
            covered += estimate.Low <= matching && matching <= estimate.High ? 1 : 0;
            uncorrectedCovered += uncorrected.Lower * customers <= matching && matching <= uncorrected.Upper * customers ? 1 : 0;
        }

        // Without the correction the interval is too wide for a sample of 40% (it covers nearly always); with it, the
        // coverage is the nominal 95%. 4,000 draws put the observed share within ±0.01 of it with high probability.
        Assert.InRange(covered / (double)draws, 0.93, 0.97);
        Assert.True(uncorrectedCovered / (double)draws > 0.985, $"uncorrected coverage {uncorrectedCovered / (double)draws}");
        var half = AudienceEstimate.From(customers, 500, 150);
        var most = AudienceEstimate.From(customers, 950, 285);
        Assert.True(most.High - most.Low < half.High - half.Low);
    }
}
