using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Labeling;

namespace ActorSegments.ML.Tests.Labeling;

public sealed class DeterministicCohortLabelerMedianTests
{
    /// <summary>
    /// Big spenders whose mean is below everyone's (a few whales pull the overall mean up): the description quotes the
    /// medians, which agree with the name, and falls back to means where the medians tie.
    /// </summary>
    [Fact]
    public async Task SkewedAmounts_AreDescribedByTheirMediansAndTiedMediansByMeans()
    {
        var spenders = new CohortProfile(0, 230, 0.23,
        [
            new FeatureContrast("monetary", "Revenue, all time", 1_974, 2_054, 0.9) { Median = 1_288, PopulationMedian = 675 },
            new FeatureContrast("active_days_30d", "Active days", 0.02, 0.6, -0.7) { Median = 0, PopulationMedian = 0 },
        ]);
        var others = new CohortProfile(1, 770, 0.77,
        [
            new FeatureContrast("monetary", "Revenue, all time", 2_080, 2_054, -0.3) { Median = 500, PopulationMedian = 675 },
            new FeatureContrast("active_days_30d", "Active days", 0.8, 0.6, 0.2) { Median = 1, PopulationMedian = 0 },
        ]);

        var labels = await new DeterministicCohortLabeler().LabelAsync([spenders, others], TestContext.Current.CancellationToken);

        Assert.Contains("median 1,288 spent vs 675 for all customers", labels[0].Description, StringComparison.Ordinal);
        Assert.Contains("mean 0 active days a month vs 0.6", labels[0].Description, StringComparison.Ordinal);
        Assert.DoesNotContain("1,974", labels[0].Description, StringComparison.Ordinal);
    }
}
