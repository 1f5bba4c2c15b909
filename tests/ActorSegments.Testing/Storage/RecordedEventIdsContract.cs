using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using Xunit;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="ICustomerJournal"/> must answer when a customer confirms duplicate candidates.</summary>
public abstract class RecordedEventIdsContract<TStorage>
    where TStorage : IStorageFactory
{
    [Fact]
    public async Task RecordedEventIds_AnswersExactlyTheIdsThisCustomerCommitted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await TStorage.StartAsync("recorded_ids");
        await CommitAsync(storage, "w", "c1", 1, "a", "b", "ID-c");
        await CommitAsync(storage, "w", "c1", 4, "d");
        await CommitAsync(storage, "w", "c2", 1, "x"); // another customer of the same workspace
        await CommitAsync(storage, "w2", "c1", 1, "y"); // the same customer id in another workspace

        var found = await storage.Journal.RecordedEventIdsAsync("w", "c1", ["a", "d", "id-c", "x", "y", "never", "a"], ct);

        Assert.Equal(["a", "d"], found.Order(StringComparer.Ordinal));
        Assert.Empty(await storage.Journal.RecordedEventIdsAsync("w", "nobody", ["a"], ct));
        Assert.Equal(["ID-c"], await storage.Journal.RecordedEventIdsAsync("w", "c1", ["ID-c"], ct));
    }

    private static Task CommitAsync(StorageUnderTest storage, string workspace, string customer, long firstSequence, params string[] ids)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(StorageUnderTest.T0);
        var entries = ids.Select((id, i) => new JournalEntry(firstSequence + i, StorageUnderTest.T0, new CustomerEvent(id, "purchase", at, CustomerEvent.NoProperties))).ToList();
        return storage.Journal.CommitAsync(new CustomerCommit(workspace, customer, entries, [], null), TestContext.Current.CancellationToken);
    }
}
