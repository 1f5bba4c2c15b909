using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Cohorts;

namespace ActorSegments.ML.Tests.Cohorts;

public sealed class KMeansCohortClustererTests
{
    private static readonly ClusteringOptions Options = new() { MinK = 2, MaxK = 8 };

    private readonly KMeansCohortClusterer _clusterer = new();

    [Theory]
    [InlineData(3, 11)]
    [InlineData(4, 12)]
    [InlineData(6, 13)]
    public void Fit_PlantedBlobs_ChoosesTheirNumberAndRecoversThem(int blobs, int seed)
    {
        var (rows, labels) = PlantedBlobs.Sample(PlantedBlobs.Centers(blobs, 6, seed), 2_400 / blobs, seed);

        var result = _clusterer.Fit(rows, PlantedBlobs.Features(6), Options, TestContext.Current.CancellationToken);

        Assert.Equal(blobs, result.K);
        Assert.True(AdjustedRand.Index(labels, [.. rows.Select(r => result.Assign(r))]) >= 0.95);
        Assert.Equal(Enumerable.Range(2, 7), result.Candidates.Select(c => c.K));
    }

    [Fact]
    public void Fit_ClosePairAmongFarBlobs_KneeKeepsThePairApart()
    {
        // Seed 21 plants blobs 1 and 2 at 9.1 from each other and 18 to 29 from the rest: the silhouette alone would
        // merge the pair; the knee of the log-inertia curve (halved from three to four, flat after) keeps four.
        var centers = PlantedBlobs.Centers(4, 6, 21);
        var (rows, labels) = PlantedBlobs.Sample(centers, 600, 21);

        var result = _clusterer.Fit(rows, PlantedBlobs.Features(6), Options, TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Candidates.MaxBy(c => c.Silhouette)!.K);
        Assert.Equal(4, result.K);
        Assert.True(AdjustedRand.Index(labels, [.. rows.Select(r => result.Assign(r))]) >= 0.95);
    }

    [Fact]
    public void Fit_PlantedBlobsInLogSpace_ScalerUndoesTheSkew()
    {
        // Revenue-like columns: blobs in log(1 + x), so raw values span orders of magnitude and a plain z-score would
        // see one blob of whales and everyone else at zero.
        var features = PlantedBlobs.Features(6).Select(f => f with { Transform = FeatureTransform.Log1p }).ToArray();
        var centers = PlantedBlobs.Centers(4, 6, 22).Select(c => c.Select(x => x + 15).ToArray()).ToArray();
        var (shaped, labels) = PlantedBlobs.Sample(centers, 600, 22);
        var rows = shaped.Select(r => r.Select(x => MathF.Exp(x) - 1).ToArray()).ToArray();

        var result = _clusterer.Fit(rows, features, Options, TestContext.Current.CancellationToken);

        Assert.Equal(4, result.K);
        Assert.True(AdjustedRand.Index(labels, [.. rows.Select(r => result.Assign(r))]) >= 0.95);
    }

    [Fact]
    public void Fit_FixedK_UsesIt()
    {
        var (rows, _) = PlantedBlobs.Sample(PlantedBlobs.Centers(4, 6, 12), 500, 12);

        var result = _clusterer.Fit(rows, PlantedBlobs.Features(6), Options with { FixedK = 7 }, TestContext.Current.CancellationToken);

        Assert.Equal(7, result.K);
        Assert.Equal(7, Assert.Single(result.Candidates).K);
    }

    [Fact]
    public void Fit_SameSeed_SameCentroids()
    {
        var (rows, _) = PlantedBlobs.Sample(PlantedBlobs.Centers(5, 6, 14), 400, 14);
        var options = Options with { TrainingSample = 1_500, SilhouetteSample = 500 };

        var first = _clusterer.Fit(rows, PlantedBlobs.Features(6), options, TestContext.Current.CancellationToken);
        var second = _clusterer.Fit(rows, PlantedBlobs.Features(6), options, TestContext.Current.CancellationToken);

        Assert.Equal(first.Centroids, second.Centroids);
        Assert.Equal(first.Candidates, second.Candidates);
        Assert.Equal(first.Silhouette, second.Silhouette);
    }

    [Fact]
    public void Fit_Sampled_ReportsTrainingRowsAndPerRowInertia()
    {
        var (rows, _) = PlantedBlobs.Sample(PlantedBlobs.Centers(3, 6, 15), 1_000, 15);

        var result = _clusterer.Fit(rows, PlantedBlobs.Features(6), Options with { TrainingSample = 1_200 }, TestContext.Current.CancellationToken);

        // Unit spread per dimension around each center: about one per dimension once scaled, far below the total
        // variance of 6 (every scaled feature has variance 1).
        Assert.Equal(1_200, result.TrainingRows);
        Assert.InRange(result.Inertia, 0.01, 1);
        Assert.InRange(result.Silhouette, 0.5, 1);
    }

    [Fact]
    public void Fit_FewDistinctRows_KAtMostTheirNumber()
    {
        // A workspace where customers take three shapes only: larger k cannot be fitted and are not tried.
        var rows = Enumerable.Range(0, 600).Select(i => new float[] { i % 3, 10 * (i % 3), 1 }).ToArray();

        var result = _clusterer.Fit(rows, PlantedBlobs.Features(3), Options, TestContext.Current.CancellationToken);

        Assert.Equal(3, result.K);
        Assert.Equal([2, 3], result.Candidates.Select(c => c.K));
        Assert.Equal(1, result.Silhouette, 1e-9);
    }

    [Fact]
    public void Fit_SelectionSampleBelowMaxK_StillTriesEveryK()
    {
        var (rows, _) = PlantedBlobs.Sample(PlantedBlobs.Centers(3, 6, 16), 200, 16);

        var result = _clusterer.Fit(rows, PlantedBlobs.Features(6), Options with { SelectionSample = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(2, 7), result.Candidates.Select(c => c.K));
    }

    [Fact]
    public void Fit_AllRowsAlike_InsufficientData() =>
        Assert.Throws<InsufficientDataException>(() => _clusterer.Fit(
            [.. Enumerable.Range(0, 100).Select(_ => new float[] { 4, 2 })], PlantedBlobs.Features(2), Options, TestContext.Current.CancellationToken));

    [Fact]
    public void Fit_FewerRowsThanCohorts_InsufficientData() =>
        Assert.Throws<InsufficientDataException>(() => _clusterer.Fit([[1f], [2f]], PlantedBlobs.Features(1), Options with { FixedK = 3 }, TestContext.Current.CancellationToken));

    [Theory]
    [InlineData(1, 8, "MinK")]
    [InlineData(5, 4, "MaxK")]
    public void Fit_BadRange_NamesTheOption(int minK, int maxK, string option)
    {
        var error = Assert.Throws<ArgumentException>(() => _clusterer.Fit([[1f], [2f], [3f]], PlantedBlobs.Features(1), new ClusteringOptions { MinK = minK, MaxK = maxK }, TestContext.Current.CancellationToken));

        Assert.Contains($"ClusteringOptions.{option}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_RowOfTheWrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => _clusterer.Fit([[1f, 2f], [2f]], PlantedBlobs.Features(2), Options, TestContext.Current.CancellationToken));
}
