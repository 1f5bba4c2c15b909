using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Labeling;

namespace ActorSegments.ML.Tests.Labeling;

/// <summary>What black-box readers of the demo tripped over: plurals, which statistic a figure is, look-alike names.</summary>
public sealed class DeterministicCohortLabelerWordingTests
{
    private readonly DeterministicCohortLabeler _labeler = new();

    [Fact]
    public async Task Description_FigureOfOne_IsSingular()
    {
        var cohort = new CohortProfile(0, 400, 0.4,
        [
            new FeatureContrast("frequency", "Purchases", 1.2, 4.3, -0.9) { Median = 1, PopulationMedian = 2 },
            new FeatureContrast("recency_days", "Days since the last purchase", 3, 93, -1.5) { Median = 1, PopulationMedian = 50 },
            new FeatureContrast("active_days_30d", "Active days", 1.4, 0.6, 0.8) { Median = 1, PopulationMedian = 0 },
        ]);

        var description = (await _labeler.LabelAsync([cohort], TestContext.Current.CancellationToken))[0].Description;

        Assert.Equal("40% of customers; median 1 day since the last purchase vs 50 for all customers, median 1 order vs 2, median 1 active day a month vs 0.", description);
    }

    [Fact]
    public async Task Description_FiguresOtherThanOne_ArePlural()
    {
        var cohort = new CohortProfile(0, 400, 0.4,
        [
            new FeatureContrast("frequency", "Purchases", 1.5, 4.3, -0.9) { Median = 2, PopulationMedian = 2 },
            new FeatureContrast("recency_days", "Days since the last purchase", 0, 93, -1.5) { Median = 0, PopulationMedian = 50 },
        ]);

        var description = (await _labeler.LabelAsync([cohort], TestContext.Current.CancellationToken))[0].Description;

        Assert.Equal("40% of customers; median 0 days since the last purchase vs 50 for all customers, mean 1.5 orders vs 4.3.", description);
    }

    [Fact]
    public async Task Description_NamesTheStatistic_MedianWhereMediansDifferMeanWhereTheyTie()
    {
        var cohort = new CohortProfile(0, 300, 0.3,
        [
            new FeatureContrast("recency_days", "Days since the last purchase", 160, 93, 0.9) { Median = 51, PopulationMedian = 50 },
            new FeatureContrast("active_days_30d", "Active days", 0.1, 0.6, -0.7) { Median = 0, PopulationMedian = 0 },
        ]);

        var description = (await _labeler.LabelAsync([cohort], TestContext.Current.CancellationToken))[0].Description;

        Assert.Contains("median 51 days since the last purchase vs 50 for all customers", description, StringComparison.Ordinal);
        Assert.Contains("mean 0.1 active days a month vs 0.6", description, StringComparison.Ordinal);
        Assert.DoesNotContain("overall", description, StringComparison.Ordinal);
    }

    /// <summary>
    /// The pair a black-box test found: both cohorts are recent, big-spending repeat buyers, in a different order of
    /// strength. The second keeps its strongest contrasts and brings in its next most distinctive one.
    /// </summary>
    [Fact]
    public async Task Names_SameContrastsInAnotherOrder_SecondAddsItsNextMostDistinctiveFeature()
    {
        var first = Profiles.Of(0, 0.2, ("frequency", 9, 4, 1.8), ("monetary", 5_000, 2_000, 1.6), ("recency_days", 10, 93, -1.4), ("engagement", 3, 2, 0.6));
        var second = Profiles.Of(1, 0.1, ("recency_days", 5, 93, -1.9), ("frequency", 8, 4, 1.5), ("monetary", 4_000, 2_000, 1.4), ("active_days_30d", 2, 0.6, 0.9));

        var names = (await _labeler.LabelAsync([first, second], TestContext.Current.CancellationToken)).Select(l => l.Name).ToArray();

        Assert.Equal("Big-Spending Recent Repeat Buyers", names[0]);
        Assert.Equal("Recent Regular Repeat Buyers", names[1]);
    }

    [Fact]
    public async Task Names_ManyRandomCohorts_DifferAsSetsOfWords()
    {
        var random = new Random(20_111_210);
        for (var run = 0; run < 200; run++)
        {
            var cohorts = Enumerable.Range(0, 8).Select(c => Profiles.Of(c, 0.125, [.. CustomerFeatures.DefaultCohortFeatures
                .Where(_ => random.NextDouble() < 0.4)
                .Select(name => (name, 1.0, 1.0, Math.Round((random.NextDouble() * 4) - 2, 1)))])).ToArray();

            var names = (await _labeler.LabelAsync(cohorts, TestContext.Current.CancellationToken)).Select(l => l.Name).ToArray();

            var wordSets = names.Select(n => string.Join(' ', n.ToLowerInvariant().Split(' ').Order(StringComparer.Ordinal))).ToArray();
            Assert.True(wordSets.Distinct().Count() == names.Length, $"run {run}: {string.Join(" | ", names)}");
        }
    }
}
