using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Behavior;

/// <summary>
/// The state keeps the reasons of the last recommendations beside them, clears them with them, and persists them in
/// state format 5 only when there are any, so states without reasons stay readable by the builds before.
/// </summary>
public sealed class RecommendationReasonsStateTests
{
    private static readonly DateTimeOffset At = CustomerFixtures.Now;

    [Fact]
    public void ApplyModelOutput_WithReasons_KeepsThemBesideTheItems()
    {
        var state = new CustomerState();

        Apply(state, new ModelOutput("r1", At) { Recommendations = ["p-1", "p-2"], RecommendationReasons = ["popular in Kitchen", ""] });

        Assert.Equal(["p-1", "p-2"], state.Recommendations);
        Assert.Equal(["popular in Kitchen", ""], state.RecommendationReasons);
    }

    [Fact]
    public void ApplyModelOutput_RecommendationsWithoutReasons_ClearTheFormerReasons()
    {
        var state = new CustomerState();
        Apply(state, new ModelOutput("r1", At) { Recommendations = ["p-1"], RecommendationReasons = ["popular now"] });

        Apply(state, new ModelOutput("r2", At) { Recommendations = ["p-5", "p-6"] });

        Assert.Equal(["p-5", "p-6"], state.Recommendations);
        Assert.Empty(state.RecommendationReasons);
    }

    [Fact]
    public void ApplyModelOutput_WithoutRecommendations_LeavesItemsAndReasons()
    {
        var state = new CustomerState();
        Apply(state, new ModelOutput("r1", At) { Recommendations = ["p-1"], RecommendationReasons = ["popular now"] });

        Apply(state, new ModelOutput("s1", At) { Scores = [new("purchase_30d", 0.4)], Cohort = "cohort-2" });

        Assert.Equal(["popular now"], state.RecommendationReasons);
    }

    [Fact]
    public void ApplyModelOutput_EveryReasonEmpty_KeepsNoReasons()
    {
        var state = new CustomerState();

        Apply(state, new ModelOutput("r1", At) { Recommendations = ["p-1", "p-2"], RecommendationReasons = ["", ""] });

        Assert.Equal(2, state.Recommendations.Count);
        Assert.Empty(state.RecommendationReasons);
    }

    [Fact]
    public void Serialize_RecommendationReasons_RoundTripAsVersionFive()
    {
        var state = CustomerFixtures.Build(events: 60, days: 40, types: 6, seed: 11);
        Apply(state, new ModelOutput("r1", At) { Recommendations = ["p-7", "p-3"], RecommendationReasons = ["bought together with WHITE HANGING HEART T-LIGHT HOLDER", ""] });

        var bytes = CustomerStateCodec.Serialize(state, TimeTiers.Default);
        var copy = CustomerStateCodec.Deserialize(bytes, TimeTiers.Default);

        Assert.Equal(5, bytes[0]);
        Assert.Equal(["p-7", "p-3"], copy.Recommendations);
        Assert.Equal(["bought together with WHITE HANGING HEART T-LIGHT HOLDER", ""], copy.RecommendationReasons);
        Assert.Empty(copy.Experiments);
        Assert.Equal(0, copy.Purchases.Count);
        Assert.Equal(bytes, CustomerStateCodec.Serialize(copy, TimeTiers.Default));
    }

    [Fact]
    public void Serialize_ReasonsClearedAgain_WritesTheEarliestVersionAgain()
    {
        var state = CustomerFixtures.Build(events: 60, days: 40, types: 6, seed: 11);
        Apply(state, new ModelOutput("r1", At) { Recommendations = ["p-7"], RecommendationReasons = ["popular now"] });
        Apply(state, new ModelOutput("r2", At) { Recommendations = ["p-8"] });

        var bytes = CustomerStateCodec.Serialize(state, TimeTiers.Default);

        Assert.Equal(2, bytes[0]);
    }

    [Fact]
    public void Deserialize_VersionTwoFixture_HasItsRecommendationsAndNoReasons()
    {
        var fixture = Convert.FromHexString(File.ReadAllText(RepositoryFiles.Path("tests", "ActorSegments.Domain.Tests", "Behavior", "Fixtures", "customer-state-v2.hex")).Trim());

        var state = CustomerStateCodec.Deserialize(fixture, TimeTiers.Default);

        Assert.Equal(["p-7", "p-3"], state.Recommendations);
        Assert.Empty(state.RecommendationReasons);
    }

    private static void Apply(CustomerState state, ModelOutput output) =>
        state.ApplyRecorded(output, BehaviorModel.Default, UnixTime.Seconds(At), []);
}
