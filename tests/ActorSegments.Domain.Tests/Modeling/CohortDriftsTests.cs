using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.Domain.Tests.Modeling;

public sealed class CohortDriftsTests
{
    private static readonly string[] Features = ["x", "y"];

    // x has a standard deviation of 2 and y of 4 around 1 and 0, so a raw move of 3 in x is 1.5 deviations.
    private static readonly FeatureScaler Scaler = new([FeatureTransform.None, FeatureTransform.None], [1, 0], [2, 4]);

    // Four cohorts on a square of side 20 in x and 40 in y: 10 deviations apart either way, so the typical spacing is
    // 10 and the meaning limit 2.5 deviations.
    private static readonly float[][] Square = [[0, 0], [20, 0], [0, 40], [20, 40]];
    private static readonly string[] Ids = ["cohort-1", "cohort-2", "cohort-3", "cohort-4"];

    [Fact]
    public void Compute_UnchangedRun_HasZeroDriftAndKeepsEveryMember()
    {
        var drifts = CohortDrifts.Compute(Run(Square, [100, 200, 300, 400]), Features, Ids, Square, [100, 200, 300, 400], Scaler, Everyone([100, 200, 300, 400]));

        Assert.All(drifts, d =>
        {
            Assert.True(d.Matched);
            Assert.Equal(0, d.Movement);
            Assert.Equal([0.0, 0.0], d.FeatureMovement);
            Assert.Equal(10, d.Spacing, 6);
            Assert.Equal(d.PreviousSize, d.Size);
            Assert.Equal(d.PreviousShare, d.Share);
            Assert.Equal((1.0, 1.0), (d.KeptShare, d.FromPreviousShare));
            Assert.False(d.MeaningChanged);
        });
        Assert.Equal([0.1, 0.2, 0.3, 0.4], drifts.Select(d => Math.Round(d.Share, 9)));
    }

    [Fact]
    public void Compute_MovedCentroid_MovesByTheRawChangeOverTheNewDeviation()
    {
        float[][] now = [[3, -4], [20, 0], [0, 40], [20, 40]];

        var drift = CohortDrifts.Compute(Run(Square, [1, 1, 1, 1]), Features, Ids, now, [1, 1, 1, 1], Scaler, Everyone([1, 1, 1, 1]))[0];

        // +3 in x over 2 is 1.5; -4 in y over 4 is -1; together sqrt(1.5² + 1²).
        Assert.Equal([1.5, -1.0], drift.FeatureMovement);
        Assert.Equal(Math.Sqrt(3.25), drift.Movement, 9);
        Assert.False(drift.MeaningChanged);
    }

    [Fact]
    public void Compute_CentroidMovedPastAQuarterOfTheSpacing_MeaningChanged()
    {
        float[][] now = [[-6, 0], [20, 0], [0, 40], [20, 40]];

        var drift = CohortDrifts.Compute(Run(Square, [1, 1, 1, 1]), Features, Ids, now, [1, 1, 1, 1], Scaler, Everyone([1, 1, 1, 1]))[0];

        Assert.Equal(3, drift.Movement, 6);
        Assert.True(drift.MeaningChanged);
        Assert.Contains("moved 3.00 standard deviations since the previous run", drift.ChangeReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_MembersKept_CountsBothWaysFromTheAssignments()
    {
        var transitions = new CohortTransitions();
        Add(transitions, "cohort-1", "cohort-1", 6);
        Add(transitions, "cohort-1", "cohort-2", 3);
        Add(transitions, "cohort-1", null, 1);
        Add(transitions, null, "cohort-1", 2);
        Add(transitions, "cohort-2", "cohort-2", 10);
        Add(transitions, "cohort-3", "cohort-3", 1);
        Add(transitions, "cohort-4", "cohort-4", 1);

        var drifts = CohortDrifts.Compute(Run(Square, [10, 10, 1, 1]), Features, Ids, Square, [8, 13, 1, 1], Scaler, transitions);

        // cohort-1 had 10 and kept 6 (one left the table); of its 8 now, 6 were in it. cohort-2 kept all 10 of 13.
        Assert.Equal((10L, 6L, 0.6, 0.75), (drifts[0].PreviousMembers, drifts[0].Kept, drifts[0].KeptShare, drifts[0].FromPreviousShare));
        Assert.Equal((1.0, 10.0 / 13), (drifts[1].KeptShare, drifts[1].FromPreviousShare));
        Assert.Equal((-2L, 3L), (drifts[0].Size - drifts[0].PreviousSize, drifts[1].Size - drifts[1].PreviousSize));
        Assert.False(drifts[0].MeaningChanged);
    }

    [Fact]
    public void Compute_FewerThanHalfTheMembersKept_MeaningChanged()
    {
        var transitions = new CohortTransitions();
        Add(transitions, "cohort-1", "cohort-1", 4);
        Add(transitions, "cohort-1", "cohort-2", 5);

        var drift = CohortDrifts.Compute(Run(Square, [9, 1, 1, 1]), Features, Ids, Square, [4, 6, 1, 1], Scaler, transitions)[0];

        Assert.Equal(0, drift.Movement);
        Assert.True(drift.MeaningChanged);
        Assert.Contains("kept 4 of its 9 previous members (44.4%)", drift.ChangeReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NewCohortAndRetiredOne_NewIsUnmatchedAndTheGoneIdIsRetired()
    {
        string[] ids = ["cohort-1", "cohort-2", "cohort-3", "cohort-5"];
        float[][] now = [[0, 0], [20, 0], [0, 40], [60, 120]];

        var drifts = CohortDrifts.Compute(Run(Square, [1, 1, 1, 1]), Features, ids, now, [1, 1, 1, 1], Scaler, Everyone([1, 1, 1, 0]));

        Assert.Equal([true, true, true, false], drifts.Select(d => d.Matched));
        Assert.Equal((0.0, 0L, false), (drifts[3].Movement, drifts[3].PreviousSize, drifts[3].MeaningChanged));
        Assert.Equal(["cohort-4"], CohortDrifts.Retired(Run(Square, [1, 1, 1, 1]), ids));
    }

    [Fact]
    public void Compute_OtherFeaturesOrNoPreviousRun_NothingMatches()
    {
        var other = Run(Square, [1, 1, 1, 1]) with { Features = ["y", "x"] };

        Assert.All(CohortDrifts.Compute(other, Features, Ids, Square, [1, 1, 1, 1], Scaler, new CohortTransitions()), d => Assert.False(d.Matched));
        Assert.All(CohortDrifts.Compute(null, Features, Ids, Square, [1, 1, 1, 1], Scaler, new CohortTransitions()), d => Assert.False(d.Matched));
    }

    [Theory]
    [InlineData(-4.9f, false)] // 2.45 deviations from where it was named: within a quarter of the spacing of 10
    [InlineData(-5.1f, true)] // 2.55: past it (moving away from the others leaves the spacing at 10)
    public void PinnedName_KeptWhileCloseToWhereItWasNamed_ReleasedPastTheLimit(float x, bool released)
    {
        float[][] now = [[x, 0], [20, 0], [0, 40], [20, 40]];
        var drift = CohortDrifts.Compute(Run(Square, [1, 1, 1, 1]), Features, Ids, now, [1, 1, 1, 1], Scaler, Everyone([1, 1, 1, 1]))[0];

        var reason = CohortMeaning.PinnedNameReleaseReason(drift, anchor: [0, 0], now[0], Scaler);

        Assert.Equal(released, reason is not null);
        Assert.Equal(released, drift.MeaningChanged);
    }

    [Fact]
    public void PinnedName_SmallStepsThatAddUp_AreMeasuredFromWhereItWasNamed()
    {
        // Two runs of 2 deviations each: neither step changes the meaning, but the cohort is 4 from where it was named.
        float[][] before = [[-4, 0], [20, 0], [0, 40], [20, 40]];
        float[][] now = [[-8, 0], [20, 0], [0, 40], [20, 40]];
        var drift = CohortDrifts.Compute(Run(before, [1, 1, 1, 1]), Features, Ids, now, [1, 1, 1, 1], Scaler, Everyone([1, 1, 1, 1]))[0];

        Assert.False(drift.MeaningChanged);
        Assert.Null(CohortMeaning.PinnedNameReleaseReason(drift, anchor: null, now[0], Scaler));
        Assert.Contains("moved 4.00 standard deviations since it was named", CohortMeaning.PinnedNameReleaseReason(drift, anchor: [0, 0], now[0], Scaler), StringComparison.Ordinal);
    }

    [Fact]
    public void PinnedName_ReleasedWhenMostMembersLeft_EvenWithoutMoving()
    {
        var transitions = new CohortTransitions();
        Add(transitions, "cohort-1", "cohort-1", 2);
        Add(transitions, "cohort-1", "cohort-3", 3);
        var drift = CohortDrifts.Compute(Run(Square, [5, 1, 1, 1]), Features, Ids, Square, [2, 1, 4, 1], Scaler, transitions)[0];

        Assert.Contains("kept 2 of its 5 previous members", CohortMeaning.PinnedNameReleaseReason(drift, anchor: [0, 0], Square[0], Scaler), StringComparison.Ordinal);
    }

    private static CohortRun Run(float[][] centroids, long[] sizes) =>
        CohortRun.Start("w", 1, "manual", DateTimeOffset.UnixEpoch) with
        {
            Status = CohortRunStatus.Succeeded,
            Features = Features,
            Cohorts = [.. centroids.Select((c, i) => new CohortDescription(Ids[i], $"Name {i}", "", "rules", sizes[i], c))],
            Customers = sizes.Sum(),
        };

    /// <summary>Every customer stays: <paramref name="sizes"/> customers per cohort of <see cref="Ids"/>.</summary>
    private static CohortTransitions Everyone(long[] sizes)
    {
        var transitions = new CohortTransitions();
        for (var c = 0; c < sizes.Length; c++)
        {
            Add(transitions, Ids[c], Ids[c], sizes[c]);
        }

        return transitions;
    }

    private static void Add(CohortTransitions transitions, string? previous, string? current, long count)
    {
        for (var i = 0; i < count; i++)
        {
            transitions.Add(previous, current);
        }
    }
}
