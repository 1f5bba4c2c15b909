using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Tests.Experiments;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Customers;

/// <summary>Experiment participations in customer snapshots (format 3) and in the rebuild from the journal.</summary>
public sealed class SnapshotExperimentsTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;

    [Fact]
    public void Snapshot_WithParticipations_IsFormat3_AndRoundTrips_WhileOneWithoutStaysFormat2()
    {
        var compiled = ExperimentSamples.Compile(ExperimentSamples.CampaignTest(ExperimentSamples.Revenue30d));
        var experiments = new CustomerExperiments();
        experiments.Assign(compiled, "treatment", UnixTime.Seconds(ExperimentSamples.Start), []);
        experiments.Apply(ExperimentSamples.Purchase("p", ExperimentSamples.Start.AddDays(1), 25), new ExperimentSet([compiled]), Model, []);
        var plain = new CustomerSnapshot(new CustomerState(), new EventIdIndex(), 0, 3);

        var withBytes = CustomerSnapshotCodec.Serialize(plain with { Experiments = experiments }, Model.Tiers);
        var withoutBytes = CustomerSnapshotCodec.Serialize(plain, Model.Tiers);
        var copy = CustomerSnapshotCodec.Deserialize(withBytes, Model.Tiers);

        Assert.Equal((byte)3, withBytes[0]);
        Assert.Equal((byte)2, withoutBytes[0]);
        Assert.Equal(experiments.Assignments, copy.Experiments.Assignments);
        Assert.Equal(25, copy.Experiments.Outcome("spring_sale", 0));
        Assert.True(CustomerSnapshotCodec.Deserialize(withoutBytes, Model.Tiers).Experiments.IsEmpty);
        Assert.Throws<InvalidDataException>(() => CustomerSnapshotCodec.Deserialize([.. withBytes, 0], Model.Tiers));
    }

    [Fact]
    public void Rebuild_ReplaysAssignmentsAndEventsIntoTheOutcomes_OfRunningExperimentsOnly()
    {
        var start = ExperimentSamples.Start;
        var compiled = ExperimentSamples.Compile(ExperimentSamples.CampaignTest(ExperimentSamples.Purchase7d, ExperimentSamples.Revenue30d));
        JournalRecord[] records =
        [
            ExperimentSamples.Purchase("before", start.AddHours(-1), 5), // before the assignment: not counted
            ExperimentAssignment.For("spring_sale", "holdout", start),
            ExperimentSamples.Purchase("p1", start.AddDays(1), 10),
            ExperimentSamples.Purchase("p2", start.AddDays(10), 7),
        ];
        var record = new CustomerRecord([.. records.Select((r, i) => new JournalEntry(i + 1, UnixTime.Seconds(start) + i, r))], new Dictionary<string, long>(), null, null);

        var running = CustomerRebuild.From(record, Model, new ExperimentSet([compiled]));
        var stopped = CustomerRebuild.From(record, Model, ExperimentSet.Empty);

        Assert.Equal("holdout", running.Experiments.ArmOf("spring_sale"));
        Assert.Equal([1.0, 17.0], [running.Experiments.Outcome("spring_sale", 0)!.Value, running.Experiments.Outcome("spring_sale", 1)!.Value]);
        Assert.True(stopped.Experiments.IsEmpty);
        Assert.Equal("holdout", stopped.State.Experiments["spring_sale"].Arm); // the arm itself is the customer's state either way
    }
}
