using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Tests.Customers;

/// <summary>What a surviving customer imports from an id linked into it: the documented rules of docs/identity.md.</summary>
public sealed class AliasMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static List<JournalEntry> Journal(params JournalRecord[] records) =>
        [.. records.Select((r, i) => new JournalEntry(i + 1, 0, r))];

    private static TraitUpdate Identify(string id, DateTimeOffset at, params (string Name, string? Value)[] traits) =>
        new(id, at, traits.Select(t => new KeyValuePair<string, TraitValue?>(t.Name, t.Value is null ? null : TraitValue.Of(t.Value))));

    private static CustomerEvent Event(string id, DateTimeOffset at) => new(id, "purchase", at, CustomerEvent.NoProperties);

    private static Dictionary<string, string?> TraitsAfter(MergeImport import, IEnumerable<JournalEntry> surviving)
    {
        var state = new CustomerState();
        var changes = new List<ChangeSet>();
        foreach (var record in surviving.Select(e => e.Record).Concat(import.Records))
        {
            state.ApplyRecorded(record, BehaviorModel.Default, 0, changes);
        }

        return state.Traits.ToDictionary(p => p.Key, p => p.Value.Text);
    }

    [Fact]
    public void Plan_Traits_LaterWins_TieKeepsTheSurvivors_AndTraitsOnlyThePreviousHadAreAdded()
    {
        var previous = Journal(
            Identify("a1", T0, ("city", "paris"), ("lang", "fr")),
            Identify("a2", T0.AddHours(2), ("plan", "free")));
        var surviving = Journal(Identify("b1", T0, ("city", "lyon")), Identify("b2", T0.AddHours(1), ("plan", "gold")));

        var import = AliasMerge.Plan("link-1", T0.AddDays(1), "anon", "known", previous, surviving);

        Assert.Equal(new Dictionary<string, string?> { ["city"] = "lyon", ["lang"] = "fr", ["plan"] = "free" }, TraitsAfter(import, surviving));
        // Imported with their own times, one update per time, in time order.
        Assert.Equal([T0, T0.AddHours(2)], import.Records.OfType<TraitUpdate>().Select(u => u.OccurredAt));
    }

    [Fact]
    public void Plan_ARemovalLaterThanTheSurvivorsValue_RemovesIt_AnEarlierOneDoesNot()
    {
        var previous = Journal(Identify("a1", T0.AddHours(3), ("email", null), ("phone", null)));
        var surviving = Journal(Identify("b1", T0.AddHours(1), ("email", "x@example.com")), Identify("b2", T0.AddHours(4), ("phone", "123")));

        var import = AliasMerge.Plan("link-1", T0.AddDays(1), "anon", "known", previous, surviving);

        Assert.Equal(new Dictionary<string, string?> { ["phone"] = "123" }, TraitsAfter(import, surviving));
    }

    [Fact]
    public void Plan_Events_KeepTheirIds_InTimeOrder_LessThoseTheSurvivorRecorded_ModelOutputsDropped()
    {
        var previous = Journal(
            Event("e3", T0.AddMinutes(3)),
            Event("e1", T0.AddMinutes(1)),
            Event("shared", T0.AddMinutes(2)),
            new ModelOutput("$score:4", T0) { Cohort = "c1" });
        var surviving = Journal(Event("shared", T0.AddMinutes(2)));

        var import = AliasMerge.Plan("link-1", T0.AddDays(1), "anon", "known", previous, surviving);

        Assert.Equal(2, import.MergedEvents);
        var link = Assert.IsType<AliasLink>(import.Records[0]);
        Assert.Equal(("link-1", "anon", "known", 1), (link.EventId, link.PreviousId, link.CustomerId, link.Aliases));
        Assert.Equal(["e1", "e3"], import.Records.OfType<CustomerEvent>().Select(e => e.EventId));
        Assert.DoesNotContain(import.Records, r => r is ModelOutput);
    }

    [Fact]
    public void Plan_Experiments_TheSurvivorsAssignmentStands_ThePreviousIdsOthersAreImported()
    {
        var previous = Journal(ExperimentAssignment.For("spring", "treatment", T0), ExperimentAssignment.For("summer", "control", T0));
        var surviving = Journal(ExperimentAssignment.For("spring", "control", T0.AddHours(1)));

        var import = AliasMerge.Plan("link-1", T0.AddDays(1), "anon", "known", previous, surviving);

        Assert.Equal([("summer", "control")], import.Records.OfType<ExperimentAssignment>().Select(a => (a.ExperimentId, a.Arm)));
    }

    [Fact]
    public void Plan_APreviousIdWithAliasesOfItsOwn_CountsThemAll()
    {
        var previous = Journal(new AliasLink("old", T0, "older", "anon", 2), new AliasLink("link-1", T0, "anon", "known", 0));

        var import = AliasMerge.Plan("link-1", T0.AddDays(1), "anon", "known", previous, []);

        Assert.Equal(3, import.Aliases);
        Assert.Equal(3, CustomerLinks.AliasCount(Journal([.. import.Records]), "known"));
        Assert.Equal("known", CustomerLinks.AliasOf(previous, "anon")!.CustomerId);
        Assert.Null(CustomerLinks.AliasOf(Journal([.. import.Records]), "known")); // the survivor's record is no alias of it
    }

    [Fact]
    public void AliasLink_RoundTripsThroughTheJournalCodec()
    {
        var link = new AliasLink("link-1", T0, "anon", "known", 7);

        Assert.Equal(link, JournalRecordCodec.Deserialize(JournalRecordCodec.Serialize(link)));
    }
}
