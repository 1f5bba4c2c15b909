using ActorSegments.Domain.Modeling;

namespace ActorSegments.Domain.Tests.Modeling;

/// <summary>Ranking AI cohorts for a goal segment: concentration, the fallback, coverage, reach and the audience rule.</summary>
public sealed class CohortRecommendationsTests
{
    [Fact]
    public void Rank_RecommendsTheCohortsWhereTheGoalConcentrates_MostConcentratedFirst()
    {
        CohortGoalCount[] cohorts = [new("cohort-1", 10, 6), new("cohort-2", 10, 1), new("cohort-3", 10, 5), new("cohort-4", 10, 0)];

        var ranked = CohortRecommendations.Rank(cohorts);

        // 12 of 40 (30%) overall: cohorts at 45% or more are recommended.
        Assert.Equal((40L, 12L, 0.3), (ranked.Members, ranked.GoalMembers, ranked.Share));
        Assert.Equal(["cohort-1", "cohort-3", "cohort-2", "cohort-4"], ranked.Cohorts.Select(c => c.CohortId));
        Assert.Equal([2.0, 5.0 / 3, 1.0 / 3, 0.0], ranked.Cohorts.Select(c => c.Index), new ToleranceComparer(1e-12));
        Assert.Equal(["cohort-1", "cohort-3"], ranked.Recommended);
        Assert.Equal((11.0 / 12, 0.5), (ranked.Coverage, ranked.Reach));
        Assert.Equal("cohort in [\"cohort-1\", \"cohort-3\"]", ranked.AudienceRule);
    }

    [Fact]
    public void Rank_NoCohortStandsOut_TheMostConcentratedAlone()
    {
        var ranked = CohortRecommendations.Rank([new("cohort-1", 4, 1), new("cohort-2", 3, 1)]);

        Assert.Equal(["cohort-2"], ranked.Recommended);
        Assert.Equal("cohort in [\"cohort-2\"]", ranked.AudienceRule);
    }

    [Fact]
    public void Rank_ALowerMinimum_RecommendsMore_AndAGoalNoCohortHolds_NoneAtAll()
    {
        CohortGoalCount[] cohorts = [new("a", 10, 6), new("b", 10, 5), new("c", 10, 1)];

        // 12 of 30 (40%) overall: a is at 1.5 times that, b at 1.25.
        Assert.Equal(["a", "b"], CohortRecommendations.Rank(cohorts, minIndex: 1.2).Recommended);
        Assert.Equal(["a"], CohortRecommendations.Rank(cohorts).Recommended);
        var empty = CohortRecommendations.Rank([new("a", 10, 0), new("b", 5, 0)]);
        Assert.Empty(empty.Recommended);
        Assert.Null(empty.AudienceRule);
        Assert.Equal((0.0, 0.0, 0.0), (empty.Share, empty.Coverage, empty.Reach));
        Assert.Empty(CohortRecommendations.Rank([]).Cohorts);
    }

    [Fact]
    public void Rank_ImpossibleCountsAndAMinimumBelowOne_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => CohortRecommendations.Rank([new("a", 3, 4)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CohortRecommendations.Rank([new("a", 3, 1)], minIndex: 0.5));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
