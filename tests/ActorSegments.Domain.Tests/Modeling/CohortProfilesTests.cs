using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.Domain.Tests.Modeling;

public sealed class CohortProfilesTests
{
    private static readonly FeatureDefinition[] Features =
    [
        new("monetary", "Revenue", FeatureTransform.Log1p),
        new("email_open_rate", "Opens per email", FeatureTransform.None),
        new("constant", "Always 5", FeatureTransform.None),
    ];

    private static readonly float[][] Rows =
    [
        [0, 0.1f, 5],
        [1, 0.3f, 5],
        [99, 0.8f, 5],
        [999, 0.9f, 5],
    ];

    private static readonly int[] Assignments = [0, 0, 1, 1];

    [Fact]
    public void Build_TwoCohorts_SizesSharesAndRawMeans()
    {
        var profiles = CohortProfiles.Build(Rows, Assignments, 2, Features, FeatureScaler.Fit(Rows, Features));

        Assert.Equal([2L, 2L], profiles.Select(p => p.Size));
        Assert.Equal([0.5, 0.5], profiles.Select(p => p.Share));
        Assert.Equal(549, profiles[1].Features[0].Mean, 1e-9);
        Assert.Equal(0.2, profiles[0].Features[1].Mean, 1e-6);
        Assert.Equal(274.75, profiles[0].Features[0].PopulationMean, 1e-9);
        Assert.Equal("monetary", profiles[0].Features[0].Name);
    }

    [Fact]
    public void Build_Medians_OfEachCohortAndOfEveryone()
    {
        var profiles = CohortProfiles.Build(Rows, Assignments, 2, Features, FeatureScaler.Fit(Rows, Features));

        Assert.Equal((0.5, 549.0), (profiles[0].Features[0].Median, profiles[1].Features[0].Median));
        Assert.Equal(50, profiles[0].Features[0].PopulationMedian, 1e-9);
        Assert.Equal(0.85, profiles[1].Features[1].Median, 1e-6);
    }

    /// <summary>
    /// Recency as the RFM summary counts it, whole days since the last purchase: fractional days would put the median
    /// at 50.55 here and print as 51 beside an RFM median of 50.
    /// </summary>
    [Fact]
    public void Build_DaysSinceFeature_MediansOfWholeDaysMeansOfExactDays()
    {
        var features = new[] { new FeatureDefinition("recency_days", "Days since the last purchase", FeatureTransform.Log1p, DaysSince: true) };
        float[][] rows = [[49.8f], [50.2f], [50.9f], [51.4f]];

        var profiles = CohortProfiles.Build(rows, [0, 0, 0, 0], 1, features, FeatureScaler.Fit(rows, features));

        Assert.Equal(50, profiles[0].Features[0].PopulationMedian);
        Assert.Equal(50, profiles[0].Features[0].Median);
        Assert.Equal(50.575, profiles[0].Features[0].Mean, 1e-5);
    }

    [Fact]
    public void Build_ManyRows_MediansFromAStrideSampleStayClose()
    {
        var features = new[] { new FeatureDefinition("monetary", "Revenue", FeatureTransform.Log1p) };
        var random = new Random(3);
        var rows = Enumerable.Range(0, 3 * CohortProfiles.MedianSample).Select(_ => new[] { (float)(random.NextDouble() * 1_000) }).ToArray();
        var assignments = rows.Select(r => r[0] < 500 ? 0 : 1).ToArray();

        var profiles = CohortProfiles.Build(rows, assignments, 2, features, FeatureScaler.Fit(rows, features));

        // Uniform values: the sample's medians are within a few units of the exact ones (250, 750, 500).
        Assert.InRange(profiles[0].Features[0].Median, 245, 255);
        Assert.InRange(profiles[1].Features[0].Median, 745, 755);
        Assert.InRange(profiles[0].Features[0].PopulationMedian, 495, 505);
    }

    [Fact]
    public void Build_LogFeature_ZScoreIsOnTheTransformedScale()
    {
        var profiles = CohortProfiles.Build(Rows, Assignments, 2, Features, FeatureScaler.Fit(Rows, Features));

        // By hand: log1p of 0, 1, 99, 999; population mean and (population) standard deviation of those four values.
        double[] shaped = [0, Math.Log(2), Math.Log(100), Math.Log(1000)];
        var mean = shaped.Average();
        var deviation = Math.Sqrt(shaped.Average(x => (x - mean) * (x - mean)));
        Assert.Equal((((shaped[2] + shaped[3]) / 2) - mean) / deviation, profiles[1].Features[0].ZScore, 1e-9);
        Assert.True(profiles[0].Features[0].ZScore < 0);
    }

    [Fact]
    public void Build_ConstantFeature_ZeroZScore() =>
        Assert.All(CohortProfiles.Build(Rows, Assignments, 2, Features, FeatureScaler.Fit(Rows, Features)), p => Assert.Equal(0, p.Features[2].ZScore));

    [Fact]
    public void Build_CohortWithoutRows_ZeroSizeAndZeros()
    {
        var empty = CohortProfiles.Build(Rows, Assignments, 3, Features, FeatureScaler.Fit(Rows, Features))[2];

        Assert.Equal(0, empty.Size);
        Assert.All(empty.Features, f => Assert.Equal((0.0, 0.0), (f.Mean, f.ZScore)));
    }

    [Fact]
    public void Build_AssignmentOutOfRange_Throws() =>
        Assert.Throws<ArgumentException>(() => CohortProfiles.Build(Rows, [0, 0, 1, 2], 2, Features, FeatureScaler.Fit(Rows, Features)));

    [Fact]
    public void RawCentroids_Profiles_MeansInFeatureOrder()
    {
        var centroids = CohortProfiles.RawCentroids(CohortProfiles.Build(Rows, Assignments, 2, Features, FeatureScaler.Fit(Rows, Features)));

        Assert.Equal([0.5f, 0.2f, 5f], centroids[0]);
    }
}
