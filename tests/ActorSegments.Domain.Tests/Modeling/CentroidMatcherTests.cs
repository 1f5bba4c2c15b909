using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Tests.Modeling;

public sealed class CentroidMatcherTests
{
    private static readonly string[] Features = ["x", "y"];

    // The identity: raw values are the scaled ones, so distances can be checked by eye.
    private static readonly FeatureScaler Identity = new([FeatureTransform.None, FeatureTransform.None], [0, 0], [1, 1]);

    private static readonly CohortDescription[] Previous =
    [
        Cohort("cohort-1", 0, 0),
        Cohort("cohort-2", 10, 0),
        Cohort("cohort-3", 0, 10),
        Cohort("cohort-4", 10, 10),
    ];

    [Fact]
    public void AssignIds_SameCohortsReorderedAndMoved_KeepTheirIds()
    {
        float[][] current = [[10.4f, 9.7f], [0.3f, 0.2f], [9.8f, -0.4f], [-0.2f, 10.3f]];

        var ids = CentroidMatcher.AssignIds(Features, Previous, Features, current, Identity, 4);

        Assert.Equal(["cohort-4", "cohort-1", "cohort-2", "cohort-3"], ids);
    }

    [Fact]
    public void AssignIds_NewCohort_GetsTheNextNumberAfterTheHighestUsed()
    {
        float[][] current = [[0, 0], [10, 0], [0, 10], [10, 10], [20, 20]];

        var ids = CentroidMatcher.AssignIds(Features, Previous, Features, current, Identity, 7);

        Assert.Equal(["cohort-1", "cohort-2", "cohort-3", "cohort-4", "cohort-8"], ids);
    }

    [Fact]
    public void AssignIds_CohortGone_ItsIdIsNotReusedBySomethingNew()
    {
        float[][] current = [[0, 0], [10, 0], [30, 30], [10, 10]];

        var ids = CentroidMatcher.AssignIds(Features, Previous, Features, current, Identity, 4);

        Assert.Equal(["cohort-1", "cohort-2", "cohort-5", "cohort-4"], ids);
    }

    [Fact]
    public void AssignIds_CohortMovedMoreThanHalfWayToItsNeighbour_IsNew()
    {
        // The spacing is 10, so 5 is the limit: the moved cohort is 6 from where it was.
        float[][] current = [[0, 0], [10, 0], [0, 10], [10, 16]];

        var ids = CentroidMatcher.AssignIds(Features, Previous, Features, current, Identity, 4);

        Assert.Equal(["cohort-1", "cohort-2", "cohort-3", "cohort-5"], ids);
    }

    [Fact]
    public void AssignIds_CheapestTotalWins_NotTheGreedyFirstPick()
    {
        // Greedy from the first new cohort would take cohort-1 (distance 2) and leave the second 4.5 from cohort-2;
        // the cheapest total pairs them the other way round (2.5 + 2.5).
        CohortDescription[] previous = [Cohort("cohort-1", 0, 0), Cohort("cohort-2", 4.5f, 0), Cohort("cohort-3", 40, 0)];
        float[][] current = [[2, 0], [-2.5f, 0], [40, 0]];

        var ids = CentroidMatcher.AssignIds(Features, previous, Features, current, Identity, 3, threshold: 1);

        Assert.Equal(["cohort-2", "cohort-1", "cohort-3"], ids);
    }

    [Fact]
    public void AssignIds_FeatureListChanged_AllNew()
    {
        float[][] current = [[0, 0], [10, 0], [0, 10], [10, 10]];

        var ids = CentroidMatcher.AssignIds(["y", "x"], Previous, Features, current, Identity, 4);

        Assert.Equal(["cohort-5", "cohort-6", "cohort-7", "cohort-8"], ids);
    }

    [Fact]
    public void AssignIds_HighestUsedBelowPreviousIds_StillNeverReusesOne()
    {
        var ids = CentroidMatcher.AssignIds(Features, Previous, Features, [[50, 50]], Identity, 0);

        Assert.Equal(["cohort-5"], ids);
    }

    [Fact]
    public void AssignIds_NoPreviousRun_NumbersFromOne()
    {
        var ids = CentroidMatcher.AssignIds([], [], Features, [[0, 0], [5, 5]], Identity, 0);

        Assert.Equal(["cohort-1", "cohort-2"], ids);
        Assert.All(ids, id => Assert.Null(Identifiers.CheckSegmentId(id, 64)));
    }

    [Fact]
    public void AssignIds_LogFeatures_ComparesThroughTheNewScaler()
    {
        // Revenue means of 100 and 10,000 with a rate: raw distances would be all revenue; through log1p and the
        // scaler a small relative drift in revenue stays the same cohort.
        var scaler = new FeatureScaler([FeatureTransform.Log1p, FeatureTransform.None], [Math.Log(1001), 0.5], [2.3, 0.3]);
        CohortDescription[] previous = [Cohort("cohort-1", 100, 0.2f), Cohort("cohort-2", 10_000, 0.2f), Cohort("cohort-3", 100, 0.8f)];
        float[][] current = [[9_000, 0.21f], [105, 0.79f], [95, 0.19f]];

        var ids = CentroidMatcher.AssignIds(Features, previous, Features, current, scaler, 3);

        Assert.Equal(["cohort-2", "cohort-3", "cohort-1"], ids);
    }

    private static CohortDescription Cohort(string id, float x, float y) => new(id, id, string.Empty, "rules", 100, [x, y]);
}
