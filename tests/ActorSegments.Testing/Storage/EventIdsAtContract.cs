using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using Xunit;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="ICustomerJournal"/> must answer when a customer reads back its duplicate candidates.</summary>
public abstract class EventIdsAtContract<TStorage>
    where TStorage : IStorageFactory
{
    [Fact]
    public async Task EventIdsAt_AnswersTheIdsStoredAtThoseSequencesOfThisCustomerOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await TStorage.StartAsync("event_ids_at");
        await CommitAsync(storage, "w", "c1", 1, "a", "b", "ID-c");
        await CommitAsync(storage, "w", "c1", 4, "d");
        await CommitAsync(storage, "w", "c2", 1, "x", "x2", "x3", "x4", "x5"); // another customer of the same workspace
        await CommitAsync(storage, "w2", "c1", 1, "y", "y2", "y3", "y4", "y5"); // the same customer id in another workspace

        var found = await storage.Journal.EventIdsAtAsync("w", "c1", [1, 3, 4, 5, 9], ct);

        Assert.Equal([(1L, "a"), (3L, "ID-c"), (4L, "d")], found.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.EventId)));
        Assert.Empty(await storage.Journal.EventIdsAtAsync("w", "nobody", [1], ct));
    }

    [Fact]
    public async Task Load_AndEventIdsAt_KeepEveryKindOfRecordTypedAndFindTheirIds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await TStorage.StartAsync("typed_records");
        var at = DateTimeOffset.FromUnixTimeSeconds(StorageUnderTest.T0);
        JournalRecord[] records =
        [
            new CustomerEvent("e1", "purchase", at, CustomerEvent.NoProperties),
            new TraitUpdate("u1", at, [new("plan", TraitValue.Of("gold")), new("tags", TraitValue.Of(["a", "b"])), new("old", null)]),
            new ModelOutput("m1", at) { Cohort = null, Scores = [new("purchase_30d", 0.5), new("churn_60d", null)], Recommendations = [] },
            ExperimentAssignment.For("spring_sale", "treatment", at),
        ];
        var entries = records.Select((r, i) => new JournalEntry(i + 1, StorageUnderTest.T0, r)).ToList();
        await storage.Journal.CommitAsync(new CustomerCommit("w", "c1", entries, [], null), ct);

        var loaded = (await storage.Journal.LoadAsync("w", "c1", ct)).Entries.Select(e => e.Record).ToList();
        var ids = await storage.Journal.EventIdsAtAsync("w", "c1", [1, 2, 3, 4], ct);

        Assert.Equal(
            [
                new StoredRecordId("e1", JournalRecordKind.Behavior), new StoredRecordId("u1", JournalRecordKind.TraitUpdate),
                new StoredRecordId("m1", JournalRecordKind.ModelOutput), new StoredRecordId("$assign:spring_sale", JournalRecordKind.ExperimentAssignment),
            ],
            ids.OrderBy(p => p.Key).Select(p => p.Value));
        var evt = Assert.IsType<CustomerEvent>(loaded[0]);
        Assert.Equal(("e1", "purchase"), (evt.EventId, evt.Type));
        Assert.Equal(records[1], loaded[1]);
        Assert.Equal(records[2], loaded[2]);
        Assert.Equal(records[3], loaded[3]);
    }

    private static Task CommitAsync(StorageUnderTest storage, string workspace, string customer, long firstSequence, params string[] ids)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(StorageUnderTest.T0);
        var entries = ids.Select((id, i) => new JournalEntry(firstSequence + i, StorageUnderTest.T0, new CustomerEvent(id, "purchase", at, CustomerEvent.NoProperties))).ToList();
        return storage.Journal.CommitAsync(new CustomerCommit(workspace, customer, entries, [], null), TestContext.Current.CancellationToken);
    }
}
