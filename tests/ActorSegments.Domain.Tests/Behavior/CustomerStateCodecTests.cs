using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Behavior;

public sealed class CustomerStateCodecTests
{
    [Fact]
    public void Deserialize_Serialized_GivesAnEquivalentState()
    {
        var state = CustomerFixtures.Build(events: 2_000, days: 200, types: 12, seed: 3);
        state.SetTrait("country", TraitValue.Of("US"));
        state.SetTrait("age", TraitValue.Of(31));
        state.SetTrait("newsletter", TraitValue.Of(true));
        state.SetTrait("signup_at", TraitValue.OfTimestamp(1_700_000_000));
        state.SetTrait("tags", TraitValue.Of(["vip", "b2b"]));
        state.SetScore("purchase_30d", 0.8125);
        state.SetCohort("high-intent-browsers");

        var bytes = CustomerStateCodec.Serialize(state, TimeTiers.Default);
        var copy = CustomerStateCodec.Deserialize(bytes, TimeTiers.Default);

        Assert.Equal(bytes, CustomerStateCodec.Serialize(copy, TimeTiers.Default));
        Assert.Equal(state.TotalEvents, copy.TotalEvents);
        Assert.Equal(state.Traits.OrderBy(p => p.Key), copy.Traits.OrderBy(p => p.Key));
        Assert.Equal(state.Lifecycle.History, copy.Lifecycle.History);
        Assert.Equal(state.Products.Top(10), copy.Products.Top(10));
        foreach (var (type, series) in state.EventTypes)
        {
            var other = copy.EventTypes[type];
            Assert.Equal(series.BucketStarts.ToArray(), other.BucketStarts.ToArray());
            Assert.Equal(series.BucketCounts.ToArray(), other.BucketCounts.ToArray());
            for (var slot = 0; slot < series.Slots; slot++)
            {
                Assert.Equal(series.AggregateTotal(slot, AggregateKind.Sum), other.AggregateTotal(slot, AggregateKind.Sum));
            }
        }
    }

    [Fact]
    public void Deserialize_VersionTwoFixture_GivesTheStateItWasWrittenFrom()
    {
        var fixture = VersionTwoFixture();
        var expected = VersionTwoFixtureState();

        var state = CustomerStateCodec.Deserialize(fixture, TimeTiers.Default);

        Assert.Equal(2, fixture[0]);
        Assert.Empty(state.Experiments);
        Assert.Equal(CustomerStateCodec.Serialize(expected, TimeTiers.Default), CustomerStateCodec.Serialize(state, TimeTiers.Default));
        Assert.Equal((expected.TotalEvents, "cohort-4", 0.625), (state.TotalEvents, state.Cohort, state.Scores["purchase_30d"]));
        Assert.Equal(["p-7", "p-3"], state.Recommendations);
    }

    /// <summary>Bytes the release before version 3 wrote, pinned so a new version cannot move both sides.</summary>
    private static byte[] VersionTwoFixture() =>
        Convert.FromHexString(File.ReadAllText(RepositoryFiles.Path("tests", "ActorSegments.Domain.Tests", "Behavior", "Fixtures", "customer-state-v2.hex")).Trim());

    /// <summary>The state Fixtures/customer-state-v2.hex holds: events, every trait type, a score, a cohort, recommendations.</summary>
    internal static CustomerState VersionTwoFixtureState()
    {
        var state = CustomerFixtures.Build(events: 60, days: 40, types: 6, seed: 11);
        state.SetTrait("country", TraitValue.Of("FR"));
        state.SetTrait("age", TraitValue.Of(44));
        state.SetTrait("newsletter", TraitValue.Of(false));
        state.SetTrait("signup_at", TraitValue.OfTimestamp(1_760_000_000));
        state.SetTrait("tags", TraitValue.Of(["b2b"]));
        state.SetScore("purchase_30d", 0.625);
        state.SetCohort("cohort-4");
        state.ApplyRecorded(new ModelOutput("recs-1", CustomerFixtures.Now) { Recommendations = ["p-7", "p-3"] }, BehaviorModel.Default, state.Reference, []);
        return state;
    }

    [Fact]
    public void Serialize_ExperimentArms_RoundTripAsVersionThree()
    {
        var state = VersionTwoFixtureState();
        state.AssignExperiment("spring_sale", "treatment", state.Reference - 3_600);
        state.AssignExperiment("onboarding_v2", "control", 1_700_000_000);

        var bytes = CustomerStateCodec.Serialize(state, TimeTiers.Default);
        var copy = CustomerStateCodec.Deserialize(bytes, TimeTiers.Default);

        Assert.Equal(3, bytes[0]);
        Assert.Equal(state.Experiments.OrderBy(e => e.Key, StringComparer.Ordinal), copy.Experiments.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(bytes, CustomerStateCodec.Serialize(copy, TimeTiers.Default));
    }

    [Fact]
    public void Serialize_NoExperimentArms_WritesVersionTwo_AsThePreviousReleaseReads()
    {
        // A rolling upgrade: silos of the previous release read every snapshot of a customer never assigned.
        var fixture = VersionTwoFixture();

        Assert.Equal(fixture, CustomerStateCodec.Serialize(VersionTwoFixtureState(), TimeTiers.Default));
    }

    [Fact]
    public void Serialize_PurchaseHistory_RoundTripsAsVersionFour()
    {
        var state = VersionTwoFixtureState();
        state.AssignExperiment("spring_sale", "treatment", state.Reference - 3_600);
        state.RestorePurchases([new(state.Reference - 86_400, 12.25f, 0), new(state.Reference - 600, 129.5f, 2)]);

        var bytes = CustomerStateCodec.Serialize(state, TimeTiers.Default);
        var copy = CustomerStateCodec.Deserialize(bytes, TimeTiers.Default);

        Assert.Equal(4, bytes[0]);
        Assert.Equal([new(state.Reference - 86_400, 12.25f, 0), new PurchaseRecord(state.Reference - 600, 129.5f, 2)], copy.Purchases.Items.ToArray());
        Assert.Equal(state.Experiments.Keys, copy.Experiments.Keys);
        Assert.Equal(bytes, CustomerStateCodec.Serialize(copy, TimeTiers.Default));
    }

    [Fact]
    public void Deserialize_Empty_GivesAnEmptyState() => Assert.True(CustomerStateCodec.Deserialize([], TimeTiers.Default).IsEmpty);

    [Fact]
    public void Deserialize_TruncatedInput_FailsWithInvalidData()
    {
        var bytes = CustomerStateCodec.Serialize(CustomerFixtures.Build(events: 100, days: 30, types: 4, seed: 1), TimeTiers.Default);

        Assert.Throws<InvalidDataException>(() => CustomerStateCodec.Deserialize(bytes.AsSpan(0, bytes.Length / 2), TimeTiers.Default));
    }

    [Fact]
    public void Deserialize_UnknownVersion_NamesIt()
    {
        var ex = Assert.Throws<InvalidDataException>(() => CustomerStateCodec.Deserialize([42, 0], TimeTiers.Default));

        Assert.Contains("format version 42", ex.Message, StringComparison.Ordinal);
    }
}
