using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using Xunit;

namespace ActorSegments.Testing.Storage.Modeling;

/// <summary>What every <see cref="IJournalScan"/> must do.</summary>
public abstract class JournalScanContract<TStorage>
    where TStorage : IModelingStorageFactory
{
    private const long T0 = 1_780_000_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scan_EachCustomerInOrdinalOrder_WithTheEntriesItsOwnLoadReturns()
    {
        await using var storage = await TStorage.StartAsync("scan_order");
        // Several commits per customer, customers committed out of order, a second workspace alongside.
        await CommitAsync(storage, "w", "c2", 1, 3);
        await CommitAsync(storage, "w", "c10", 1, 1);
        await CommitAsync(storage, "w", "C3", 1, 2);
        await CommitAsync(storage, "other", "c1", 1, 4);
        await CommitAsync(storage, "w", "c2", 4, 2);
        await CommitAsync(storage, "w", "c10", 2, 5);

        var histories = await ScanAsync(storage, "w");

        Assert.Equal(["C3", "c10", "c2"], histories.Select(h => h.CustomerId));
        Assert.Equal([2, 6, 5], histories.Select(h => h.Entries.Count));
        foreach (var history in histories)
        {
            var loaded = await storage.Journal.LoadAsync("w", history.CustomerId, Cancel);
            Assert.Equal(Enumerable.Range(1, history.Entries.Count).Select(s => (long)s), history.Entries.Select(e => e.Sequence));
            Assert.Equal(Encoded(loaded.Entries), Encoded(history.Entries));
        }
    }

    [Fact]
    public async Task Scan_MoreCustomersThanAPage_ReturnsEveryCustomerOnce()
    {
        await using var storage = await TStorage.StartAsync("scan_pages");
        var customers = Enumerable.Range(0, 1_234).Select(i => $"c{i:D5}").ToList();
        await Task.WhenAll(customers.Select(c => CommitAsync(storage, "w", c, 1, 2)));

        var histories = await ScanAsync(storage, "w");

        Assert.Equal(customers, histories.Select(h => h.CustomerId));
        Assert.Empty(await ScanAsync(storage, "nobody"));
    }

    private static Task CommitAsync(ModelingStorageUnderTest storage, string workspaceId, string customerId, long firstSequence, int count)
    {
        List<JournalEntry> entries = [.. Enumerable.Range(0, count).Select(i => Entry(customerId, firstSequence + i))];
        return storage.Journal.CommitAsync(new CustomerCommit(workspaceId, customerId, entries, [], null), Cancel);
    }

    private static JournalEntry Entry(string customerId, long sequence) => new(
        sequence,
        T0 + (sequence * 60),
        new CustomerEvent($"{customerId}-{sequence}", sequence % 2 == 0 ? "purchase" : "product_viewed", DateTimeOffset.FromUnixTimeSeconds(T0 + sequence),
            new Dictionary<string, PropertyValue>
            {
                ["revenue"] = PropertyValue.Of(sequence * 1.25),
                ["category"] = PropertyValue.Of($"cat-{sequence % 3}"),
                ["gift"] = PropertyValue.Of(sequence % 2 == 0),
            }));

    /// <summary>Entries as comparable values: records compare property dictionaries by reference.</summary>
    private static List<(long, long, string)> Encoded(IReadOnlyList<JournalEntry> entries) =>
        [.. entries.Select(e => (e.Sequence, e.AppliedAt, Convert.ToHexString(JournalRecordCodec.Serialize(e.Record))))];

    private static async Task<List<CustomerHistory>> ScanAsync(ModelingStorageUnderTest storage, string workspaceId)
    {
        var histories = new List<CustomerHistory>();
        await foreach (var history in storage.Scan.ScanAsync(workspaceId, Cancel))
        {
            histories.Add(history);
        }

        return histories;
    }
}
