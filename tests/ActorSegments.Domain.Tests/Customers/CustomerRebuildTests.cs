using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Customers;

public sealed class CustomerRebuildTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly BehaviorModel Model = BehaviorModel.Default;

    private static JournalEntry Entry(long sequence, string type = "product_viewed") =>
        new(sequence, T0.ToUnixTimeSeconds() + sequence, new CustomerEvent($"e{sequence}", type, T0.AddSeconds(sequence), CustomerEvent.NoProperties));

    private static CustomerRecord Record(StoredSnapshot? snapshot, params JournalEntry[] entries) =>
        new(entries, new Dictionary<string, long>(), null, snapshot);

    [Fact]
    public void From_NoSnapshot_ReplaysEveryEntry()
    {
        var rebuilt = CustomerRebuild.From(Record(null, Entry(1), Entry(2, "purchase"), Entry(3)), Model);

        Assert.Equal(3, rebuilt.JournalSequence);
        Assert.Equal(3, rebuilt.State.TotalEvents);
        Assert.Equal([1L], rebuilt.EventIds!.Candidates("e1"));
        Assert.Equal([3L], rebuilt.EventIds.Candidates("e3"));
    }

    [Fact]
    public void From_ASnapshotAndLaterEntries_EqualsReplayingEverything()
    {
        var all = Enumerable.Range(1, 40).Select(s => Entry(s, s % 7 == 0 ? "purchase" : "product_viewed")).ToArray();
        var atTwenty = CustomerRebuild.From(Record(null, all[..20]), Model);
        var snapshot = new StoredSnapshot(20, CustomerSnapshotCodec.Serialize(atTwenty with { DefinitionsVersion = 9 }, Model.Tiers));

        var fromSnapshot = CustomerRebuild.From(Record(snapshot, all[20..]), Model);
        var fromJournal = CustomerRebuild.From(Record(null, all), Model);

        Assert.Equal(40, fromSnapshot.JournalSequence);
        Assert.Equal(9, fromSnapshot.DefinitionsVersion);
        Assert.Equal(
            CustomerSnapshotCodec.Serialize(fromJournal with { DefinitionsVersion = 9 }, Model.Tiers),
            CustomerSnapshotCodec.Serialize(fromSnapshot, Model.Tiers));
    }

    [Fact]
    public void From_AnExperimentAssignment_ReplaysItsArmAndTime_AndKeepsTheFirstArm()
    {
        var assigned = T0.AddSeconds(2);
        var rebuilt = CustomerRebuild.From(Record(null,
            Entry(1),
            new JournalEntry(2, T0.ToUnixTimeSeconds() + 2, ExperimentAssignment.For("spring_sale", "treatment", assigned)),
            new JournalEntry(3, T0.ToUnixTimeSeconds() + 3, ExperimentAssignment.For("spring_sale", "control", T0.AddSeconds(3)))), Model);

        Assert.Equal(new AssignedArm("treatment", UnixTime.Seconds(assigned)), rebuilt.State.Experiments["spring_sale"]);
        Assert.Equal([2L, 3L], rebuilt.EventIds!.Candidates(ExperimentAssignment.IdFor("spring_sale")).Order());
    }

    [Fact]
    public void From_EntriesWithAGap_IsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => CustomerRebuild.From(Record(null, Entry(1), Entry(3)), Model));

        Assert.Contains("Journal entry 3 follows sequence 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_ASnapshotStoredUnderAnotherSequence_IsRefused()
    {
        var atTwo = CustomerRebuild.From(Record(null, Entry(1), Entry(2)), Model);
        var mislabelled = new StoredSnapshot(5, CustomerSnapshotCodec.Serialize(atTwo, Model.Tiers));

        Assert.Throws<InvalidDataException>(() => CustomerRebuild.From(Record(mislabelled, Entry(6)), Model));
    }

    [Fact]
    public void ReadHeader_TellsTheFormatAndSequenceWithoutTheTiers()
    {
        var snapshot = CustomerSnapshotCodec.Serialize(CustomerRebuild.From(Record(null, Entry(1), Entry(2)), Model), TimeTiers.Default);

        Assert.Equal((true, 2L), CustomerSnapshotCodec.ReadHeader(snapshot));
        Assert.Throws<InvalidDataException>(() => CustomerSnapshotCodec.ReadHeader([7]));
    }
}
