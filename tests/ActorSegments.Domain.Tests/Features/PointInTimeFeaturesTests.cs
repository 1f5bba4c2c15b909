using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;
using static ActorSegments.Domain.Tests.Features.Journals;

namespace ActorSegments.Domain.Tests.Features;

public sealed class PointInTimeFeaturesTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;

    [Fact]
    public void FeaturesAtACutoff_IgnoreWhatCameAfterItAndCountLateArrivalsThatOccurredBefore()
    {
        // What was known at the cutoff: the past, with the two late events in the place they occurred.
        var known = new Journals("c1").Past()
            .Event("purchase", Cutoff - (3 * Day), revenue: 500)
            .Event("product_viewed", Cutoff - 1, product: "p9")
            .Build();
        var withoutLateEvents = new Journals("c1").Past().Build();

        // The journal as it stands later: the future appended, and the late events appended after it.
        var journal = new Journals("c1").Past()
            .Event("purchase", Cutoff, revenue: 900)
            .Event("product_viewed", Cutoff + Day, product: "p7")
            .Event("cart_added", Cutoff + (2 * Day), product: "p7")
            .Trait("country", "DE", Cutoff + (3 * Day))
            .Score("purchase_30d", 0.97, Cutoff + (4 * Day))
            .Event("purchase", Cutoff - (3 * Day), appliedAt: Cutoff + (5 * Day), revenue: 500)
            .Event("product_viewed", Cutoff - 1, appliedAt: Cutoff + (6 * Day), product: "p9")
            .Build();

        var expected = PointInTimeFeatures.Extract(known, Cutoff, Model);
        var actual = PointInTimeFeatures.Extract(journal, Cutoff, Model);

        Assert.NotNull(actual);
        Assert.Equal(expected, actual);
        Assert.NotEqual(PointInTimeFeatures.Extract(withoutLateEvents, Cutoff, Model), actual);
    }

    [Fact]
    public void FeaturesAtACutoff_DifferFromAReplayOfTheWholeJournal()
    {
        var journal = new Journals("c1").Past()
            .Event("purchase", Cutoff + Day, revenue: 900)
            .Event("product_viewed", Cutoff + (2 * Day), product: "p7")
            .Build();

        Assert.NotEqual(ReplayEverything(journal, Cutoff), PointInTimeFeatures.Extract(journal, Cutoff, Model));
    }

    [Fact]
    public void TheClockOfTheRebuild_StaysAtTheCutoffWhateverTheEntriesWereAppliedAt()
    {
        var journal = new Journals("c1").Past().Trait("country", "DE", Cutoff - 1, appliedAt: Cutoff + (30 * Day)).Build();

        var state = PointInTimeFeatures.Rebuild(new PointInTimeHistory(journal), Cutoff, Model);

        Assert.Equal(Cutoff, state!.Reference);
        Assert.Equal("DE", state.Traits["country"].ToString());
    }

    [Fact]
    public void TraitUpdatesBeforeTheCutoff_AreAppliedAndModelOutputsNever()
    {
        var journal = new Journals("c1").Past()
            .Score("purchase_30d", 0.4, Cutoff - Day)
            .Trait("country", "DE", Cutoff + Day)
            .Build();
        var withoutOutputs = new Journals("c1").Past().Trait("country", "DE", Cutoff + Day).Build();

        var state = PointInTimeFeatures.Rebuild(new PointInTimeHistory(journal), Cutoff, Model)!;

        Assert.Equal("FR", state.Traits["country"].ToString());
        Assert.Empty(state.Scores);
        Assert.Null(state.Cohort);
        Assert.Equal(PointInTimeFeatures.Extract(withoutOutputs, Cutoff, Model), PointInTimeFeatures.Extract(journal, Cutoff, Model));
    }

    [Fact]
    public void ExperimentAssignments_AreNeverAppliedAndMakeNoCustomerEligible()
    {
        var journal = new Journals("c1").Past().Assignment("spring_sale", "treatment", Cutoff - Day).Build();
        var onlyAssigned = new Journals("c2").Assignment("spring_sale", "control", Cutoff - Day).Build();

        var state = PointInTimeFeatures.Rebuild(new PointInTimeHistory(journal), Cutoff, Model)!;

        Assert.Empty(state.Experiments);
        Assert.Equal(PointInTimeFeatures.Extract(new Journals("c1").Past().Build(), Cutoff, Model), PointInTimeFeatures.Extract(journal, Cutoff, Model));
        Assert.Null(PointInTimeFeatures.Extract(onlyAssigned, Cutoff, Model));
    }

    [Fact]
    public void ACustomerWithNothingBeforeTheCutoff_IsNotEligible()
    {
        var journal = new Journals("c1")
            .Score("churn_60d", 0.1, Cutoff - Day)
            .Event("purchase", Cutoff, revenue: 10)
            .Build();

        Assert.Null(PointInTimeFeatures.Extract(journal, Cutoff, Model));
        Assert.NotNull(PointInTimeFeatures.Extract(journal, Cutoff + 1, Model));
    }

    [Fact]
    public void AnEventInTheLastSecondBeforeTheCutoff_CountsAndOneAtTheCutoffDoesNot()
    {
        var before = PointInTimeFeatures.Extract(new Journals("c1").Event("purchase", Cutoff - 1, revenue: 10).Build(), Cutoff, Model);
        var at = PointInTimeFeatures.Extract(new Journals("c1").Event("product_viewed", Cutoff - Day).Event("purchase", Cutoff, revenue: 10).Build(), Cutoff, Model);

        var frequency = CustomerFeatures.IndexOf("frequency");
        Assert.Equal(1, before![frequency]);
        Assert.Equal(0, at![frequency]);
    }

    /// <summary>What a leaky implementation would do: apply every entry as the grain did, then read the row at the cutoff.</summary>
    private static float[] ReplayEverything(CustomerHistory history, long cutoff)
    {
        var state = new CustomerState();
        var changes = new List<ChangeSet>();
        foreach (var entry in history.Entries)
        {
            state.ApplyRecorded(entry.Record, Model, entry.AppliedAt, changes);
        }

        return CustomerFeatures.Extract(state, Model, cutoff);
    }
}
