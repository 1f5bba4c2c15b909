using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using Xunit;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="ICustomerJournal"/> must answer when a link of two ids reads a customer's whole journal.</summary>
public abstract class HistoryContract<TStorage>
    where TStorage : IStorageFactory
{
    [Fact]
    public async Task History_IsEveryEntryOfThisCustomer_BeforeAndAfterItsSnapshot_LinksIncluded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await TStorage.StartAsync("history");
        var at = DateTimeOffset.FromUnixTimeSeconds(StorageUnderTest.T0);
        JournalRecord[] first = [new CustomerEvent("e1", "purchase", at, CustomerEvent.NoProperties), new AliasLink("link-1", at, "anon", "c1", 3)];
        await storage.Journal.CommitAsync(new CustomerCommit("w", "c1", [.. first.Select((r, i) => new JournalEntry(i + 1, StorageUnderTest.T0, r))], [], null), ct);
        await storage.Journal.SaveSnapshotAsync("w", "c1", new StoredSnapshot(2, [2, 2, 0, 0, 2]), ct); // the body is never decoded here
        var link = new AliasLink("link-2", at, "c1", "known", 0);
        await storage.Journal.CommitAsync(new CustomerCommit("w", "c1", [new JournalEntry(3, StorageUnderTest.T0 + 5, link)], [], null), ct);
        await storage.Journal.CommitAsync(new CustomerCommit("w", "c2", [new JournalEntry(1, StorageUnderTest.T0, first[0])], [], null), ct);

        var history = await storage.Journal.HistoryAsync("w", "c1", ct);

        Assert.Equal([1L, 2L, 3L], history.Select(e => e.Sequence));
        Assert.Equal([.. first, link], history.Select(e => e.Record));
        Assert.Equal(StorageUnderTest.T0 + 5, history[2].AppliedAt);
        Assert.Single((await storage.Journal.LoadAsync("w", "c1", ct)).Entries); // only what follows the snapshot
        Assert.Empty(await storage.Journal.HistoryAsync("w", "nobody", ct));
    }
}
