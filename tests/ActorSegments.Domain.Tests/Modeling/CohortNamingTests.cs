using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.Domain.Tests.Modeling;

public sealed class CohortNamingTests
{
    private static readonly string[] Features = ["x", "y"];
    private static readonly FeatureScaler Identity = new([FeatureTransform.None, FeatureTransform.None], [0, 0], [1, 1]);
    private static readonly string[] Ids = ["cohort-1", "cohort-2", "cohort-3", "cohort-4"];

    // Spacing 10, so a pinned name lasts while its cohort is within 2.5 of where it was named.
    private static readonly float[][] Square = [[0, 0], [10, 0], [0, 10], [10, 10]];

    private static readonly CohortLabel[] Labels =
        [new("Quiet Ones", "q", "rules"), new("Big Spenders", "b", "rules"), new("Browsers", "w", "rules"), new("Fans", "f", "rules")];

    [Fact]
    public void Apply_PinnedCohortStaysClose_KeepsTheUsersName()
    {
        var naming = Apply(Moved(-2), Pinned("VIP Watchlist", anchor: [0, 0]));

        Assert.Equal(("VIP Watchlist", "user", "their own words"), (naming.Cohorts[0].Name, naming.Cohorts[0].LabelSource, naming.Cohorts[0].Description));
        Assert.Null(naming.Cohorts[0].Drift!.ReleasedName);
        Assert.True(naming.Pins["cohort-1"].Pinned);
        Assert.Equal(["Big Spenders", "Browsers", "Fans"], naming.Cohorts.Skip(1).Select(c => c.Name));
    }

    [Fact]
    public void Apply_PinnedCohortDriftedPastTheLimit_ReleasesTheNameToTheRulesAndSaysWhy()
    {
        var naming = Apply(Moved(-3), Pinned("VIP Watchlist", anchor: [0, 0]));

        var cohort = naming.Cohorts[0];
        Assert.Equal(("Quiet Ones", "rules", "q"), (cohort.Name, cohort.LabelSource, cohort.Description));
        Assert.Equal("VIP Watchlist", cohort.Drift!.ReleasedName);
        Assert.Contains("moved 3.00 standard deviations since it was named", cohort.Drift.ReleaseReason, StringComparison.Ordinal);
        Assert.False(naming.Pins.ContainsKey("cohort-1"));
    }

    [Fact]
    public void Apply_PinWithoutAnchor_IsAnchoredWhereThePreviousRunHadTheCohort()
    {
        var naming = Apply(Moved(-2), Pinned("VIP Watchlist", anchor: null));

        Assert.Equal([0f, 0f], naming.Pins["cohort-1"].Anchor!);
        Assert.Equal("VIP Watchlist", naming.Cohorts[0].Name);
    }

    [Fact]
    public void Apply_UnpinnedRename_IsNotKept()
    {
        var settings = CohortSettings.Default with { Labels = new Dictionary<string, CohortLabelOverride> { ["cohort-2"] = new("Whales", null, false, [10, 0]) } };

        var naming = Apply(Square, settings);

        Assert.Equal("Big Spenders", naming.Cohorts[1].Name);
        Assert.Empty(naming.Pins);
    }

    private static float[][] Moved(float x) => [[x, 0], [10, 0], [0, 10], [10, 10]];

    private static CohortSettings Pinned(string name, float[]? anchor) =>
        CohortSettings.Default with { Labels = new Dictionary<string, CohortLabelOverride> { ["cohort-1"] = new(name, "their own words", true, anchor) } };

    private static CohortNaming Apply(float[][] now, CohortSettings settings)
    {
        var previous = CohortRun.Start("w", 1, "manual", DateTimeOffset.UnixEpoch) with
        {
            Status = CohortRunStatus.Succeeded,
            Features = Features,
            Cohorts = [.. Square.Select((c, i) => new CohortDescription(Ids[i], Labels[i].Name, "", "rules", 1, c))],
        };
        var transitions = new CohortTransitions();
        foreach (var id in Ids)
        {
            transitions.Add(id, id);
        }

        var drifts = CohortDrifts.Compute(previous, Features, Ids, now, [1, 1, 1, 1], Identity, transitions);
        return CohortNaming.Apply(previous, Ids, Labels, now, drifts, settings, Identity);
    }
}
