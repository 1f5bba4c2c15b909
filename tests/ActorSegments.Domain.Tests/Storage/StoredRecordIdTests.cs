using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Tests.Storage;

public sealed class StoredRecordIdTests
{
    private static readonly DateTimeOffset At = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsRepeatedBy_TheSameAssignmentAgain_IsARepeat()
    {
        var assignment = ExperimentAssignment.For("spring_sale", "treatment", At);

        Assert.True(new StoredRecordId("$assign:spring_sale", JournalRecordKind.ExperimentAssignment).IsRepeatedBy(assignment));
        Assert.True(new StoredRecordId("$assign:spring_sale", JournalRecordKind.ExperimentAssignment).IsRepeatedBy(assignment with { Arm = "control" }));
    }

    [Fact]
    public void IsRepeatedBy_AnAssignmentAndAClientOrModelRecordOfTheSameId_AreEachNew()
    {
        var id = ExperimentAssignment.IdFor("spring_sale");
        JournalRecord[] others =
        [
            new CustomerEvent(id, "purchase", At, CustomerEvent.NoProperties),
            new TraitUpdate(id, At, [new("plan", TraitValue.Of("gold"))]),
            new ModelOutput(id, At) { Cohort = "c1" },
        ];
        var assignment = ExperimentAssignment.For("spring_sale", "treatment", At);

        Assert.All(others, other => Assert.False(new StoredRecordId(id, JournalRecordKind.ExperimentAssignment).IsRepeatedBy(other)));
        Assert.All(others, other => Assert.False(new StoredRecordId(id, other.Kind).IsRepeatedBy(assignment)));
    }

    [Fact]
    public void IsRepeatedBy_EventsAndIdentifyCallsShareOneSpace_ModelOutputsHaveTheirOwn()
    {
        var identify = new TraitUpdate("x1", At, [new("plan", TraitValue.Of("gold"))]);

        Assert.True(new StoredRecordId("x1", JournalRecordKind.Behavior).IsRepeatedBy(identify));
        Assert.True(new StoredRecordId("x1", JournalRecordKind.TraitUpdate).IsRepeatedBy(new CustomerEvent("x1", "purchase", At, CustomerEvent.NoProperties)));
        Assert.False(new StoredRecordId("x1", JournalRecordKind.ModelOutput).IsRepeatedBy(identify));
        Assert.False(new StoredRecordId("x1", JournalRecordKind.Behavior).IsRepeatedBy(new ModelOutput("x1", At)));
    }

    [Fact]
    public void IdFor_IsTheReservedPrefixAndTheExperiment() =>
        Assert.Equal(("$assign:spring_sale", "$assign:spring_sale"), (ExperimentAssignment.IdFor("spring_sale"), ExperimentAssignment.For("spring_sale", "a", At).EventId));
}
