using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Behavior;

/// <summary>A customer's experiment arms: the first assignment to an experiment holds for good.</summary>
public sealed class ExperimentArmsTests
{
    private static readonly DateTimeOffset At = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly BehaviorModel Model = BehaviorModel.Default;

    [Fact]
    public void ApplyRecorded_FirstAssignment_HoldsTheArmAndAssignmentTime_AndNamesTheExperiment()
    {
        var state = new CustomerState();
        var changes = new List<ChangeSet>();

        state.ApplyRecorded(ExperimentAssignment.For("spring_sale", "treatment", At), Model, UnixTime.Seconds(At) + 60, changes);

        Assert.Equal(new AssignedArm("treatment", UnixTime.Seconds(At)), state.Experiments["spring_sale"]);
        Assert.Equal([ChangeSet.ForExperiment("spring_sale")], changes);
        Assert.Equal(UnixTime.Seconds(At) + 60, state.Reference);
    }

    [Fact]
    public void ApplyRecorded_SecondAssignmentToTheSameExperiment_ChangesNothing()
    {
        var state = new CustomerState();
        state.ApplyRecorded(ExperimentAssignment.For("spring_sale", "treatment", At), Model, UnixTime.Seconds(At), []);
        var changes = new List<ChangeSet>();

        state.ApplyRecorded(ExperimentAssignment.For("spring_sale", "control", At.AddDays(1)), Model, UnixTime.Seconds(At) + 86_400, changes);
        state.ApplyRecorded(ExperimentAssignment.For("spring_sale", "treatment", At.AddDays(2)), Model, UnixTime.Seconds(At) + 172_800, changes);

        Assert.Equal([ChangeSet.None, ChangeSet.None], changes);
        Assert.Equal(new AssignedArm("treatment", UnixTime.Seconds(At)), Assert.Single(state.Experiments).Value);
    }

    [Fact]
    public void AssignExperiment_SeveralExperiments_AreHeldSeparately()
    {
        var state = new CustomerState();

        var first = state.AssignExperiment("spring_sale", "treatment", 100);
        var second = state.AssignExperiment("onboarding_v2", "control", 200);

        Assert.Equal(("spring_sale", "onboarding_v2"), (first.Experiment, second.Experiment));
        Assert.Equal(["onboarding_v2", "spring_sale"], state.Experiments.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Experiments_OfCustomersNeverAssigned_AreOneSharedEmptyDictionary()
    {
        var (a, b) = (new CustomerState(), new CustomerState());
        a.SetTrait("country", TraitValue.Of("FR"));

        Assert.Empty(a.Experiments);
        Assert.Same(a.Experiments, b.Experiments);
    }

    [Fact]
    public void ChangeSet_ForExperiment_IsNotEmpty() =>
        Assert.Equal((false, true), (ChangeSet.ForExperiment("spring_sale").IsEmpty, ChangeSet.None.IsEmpty));
}
