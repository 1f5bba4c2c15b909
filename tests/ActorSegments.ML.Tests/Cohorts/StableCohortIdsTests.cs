using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Cohorts;

namespace ActorSegments.ML.Tests.Cohorts;

/// <summary>
/// Refreshes end to end (fit, assign, profile, match) on planted blobs: a planted blob is "the same cohort" across
/// runs, so its id must follow it.
/// </summary>
public sealed class StableCohortIdsTests
{
    private static readonly double[][] Centers = PlantedBlobs.Centers(6, 6, 31);
    private static readonly FeatureDefinition[] Features = PlantedBlobs.Features(6);

    [Fact]
    public void Refresh_ResampledBlobsAndAnotherSeed_EveryCohortKeepsItsId()
    {
        var first = Refresh(Centers[..4], sampleSeed: 1, fitSeed: 17, previous: null);

        var second = Refresh(Centers[..4], sampleSeed: 2, fitSeed: 99, previous: first);

        Assert.Equal(first.IdOfBlob, second.IdOfBlob);
        Assert.Equal(["cohort-1", "cohort-2", "cohort-3", "cohort-4"], first.IdOfBlob.Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Refresh_NewBlob_GetsTheNextNumberOthersKeepTheirs()
    {
        var first = Refresh(Centers[..4], sampleSeed: 1, fitSeed: 17, previous: null);

        var second = Refresh(Centers[..5], sampleSeed: 2, fitSeed: 17, previous: first);

        Assert.All(Enumerable.Range(0, 4), blob => Assert.Equal(first.IdOfBlob[blob], second.IdOfBlob[blob]));
        Assert.Equal("cohort-5", second.IdOfBlob[4]);
    }

    [Fact]
    public void Refresh_BlobDropped_ItsIdIsNeverReused()
    {
        var first = Refresh(Centers[..5], sampleSeed: 1, fitSeed: 17, previous: null);
        double[][] withoutBlob2 = [Centers[0], Centers[1], Centers[3], Centers[4]];
        var second = Refresh(withoutBlob2, sampleSeed: 2, fitSeed: 17, previous: first);

        var third = Refresh([.. withoutBlob2, Centers[5]], sampleSeed: 3, fitSeed: 17, previous: second);

        Assert.Equal([first.IdOfBlob[0], first.IdOfBlob[1], first.IdOfBlob[3], first.IdOfBlob[4]], second.IdOfBlob.Values);
        Assert.Equal(second.IdOfBlob.Values, third.IdOfBlob.Values.Take(4));
        Assert.Equal("cohort-6", third.IdOfBlob[4]);
        Assert.DoesNotContain(first.IdOfBlob[2], third.IdOfBlob.Values);
    }

    [Fact]
    public void Refresh_FeatureListChanged_AllNewIds()
    {
        var first = Refresh(Centers[..4], sampleSeed: 1, fitSeed: 17, previous: null);

        var second = Refresh(Centers[..4], sampleSeed: 2, fitSeed: 17, previous: first, features: Features[..5]);

        Assert.Equal(["cohort-5", "cohort-6", "cohort-7", "cohort-8"], second.IdOfBlob.Values.Order(StringComparer.Ordinal));
    }

    /// <summary>One refresh: cohorts for the blobs, their ids matched against the previous refresh.</summary>
    private static Run Refresh(double[][] centers, int sampleSeed, int fitSeed, Run? previous, FeatureDefinition[]? features = null)
    {
        features ??= Features;
        var (full, labels) = PlantedBlobs.Sample(centers, 500, sampleSeed);
        var rows = full.Select(r => r[..features.Length]).ToArray();
        var result = new KMeansCohortClusterer().Fit(rows, features, new ClusteringOptions { MinK = 2, MaxK = 8, Seed = fitSeed }, TestContext.Current.CancellationToken);
        Assert.Equal(centers.Length, result.K);
        var assignments = rows.Select(r => result.Assign(r)).ToArray();
        var profiles = CohortProfiles.Build(rows, assignments, result.K, features, result.Scaler);
        var centroids = CohortProfiles.RawCentroids(profiles);
        var names = features.Select(f => f.Name).ToArray();
        var ids = CentroidMatcher.AssignIds(previous?.Features ?? [], previous?.Cohorts ?? [], names, centroids, result.Scaler, previous?.HighestUsed ?? 0);
        var cohorts = ids.Select((id, c) => new CohortDescription(id, id, string.Empty, "rules", profiles[c].Size, centroids[c])).ToArray();

        // Each planted blob goes to the cohort holding most of its rows.
        var idOfBlob = Enumerable.Range(0, centers.Length).ToDictionary(
            blob => blob,
            blob => ids[assignments.Where((_, i) => labels[i] == blob).GroupBy(c => c).MaxBy(g => g.Count())!.Key]);
        return new Run(names, cohorts, Math.Max(previous?.HighestUsed ?? 0, CohortIds.Highest(ids)), idOfBlob);
    }

    private sealed record Run(string[] Features, CohortDescription[] Cohorts, int HighestUsed, Dictionary<int, string> IdOfBlob);
}
