using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using Xunit;
using static ActorSegments.Testing.Storage.StorageUnderTest;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="IJournalRetention"/> must do, seeded through the journal.</summary>
public abstract class JournalRetentionContract<TStorage>
    where TStorage : IStorageFactory
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(T0);
    private static readonly TimeSpan PassEvery = TimeSpan.FromHours(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunBatch_DeletesOnlyOldEntriesTheSnapshotIncludes_AndNamesTheCustomersItDoesNot()
    {
        await using var storage = await TStorage.StartAsync("retention_rules");
        await SeedAsync(storage);
        await storage.Retention.SetDaysAsync("w", 30, Ct);

        var batch = (await storage.Retention.RunBatchAsync("w", Now, PassEvery, 100, Ct))!;
        var a = await storage.Journal.LoadAsync("w", "a", Ct);
        var aIds = await storage.Journal.EventIdsAtAsync("w", "a", [1, 2, 3, 4], Ct);
        var b = await storage.Journal.LoadAsync("w", "b", Ct);
        var status = await storage.Retention.GetAsync("w", Ct);

        Assert.Equal((7L, 2L, true), (batch.Examined, batch.Deleted, batch.Finished));
        Assert.Equal(["a", "b"], batch.Uncovered.Order(StringComparer.Ordinal));
        Assert.Equal([3L, 4L], aIds.Keys.Order());
        Assert.Equal([4L], a.Entries.Select(e => e.Sequence)); // the entry after the snapshot, old as it is
        Assert.Equal([1L, 2L], b.Entries.Select(e => e.Sequence));
        Assert.Equal(new RetentionStatus("w", 30, Now, Now, false, 7, 2, 2), status);
        Assert.Single(await storage.Journal.EventIdsAtAsync("w", "c", [1], Ct));
        Assert.Equal(4, (await storage.Journal.EventIdsAtAsync("w2", "a", [1, 2, 3, 4], Ct)).Count);
    }

    [Fact]
    public async Task RunBatch_InSmallBatches_ResumesWhereTheLastStoppedAndEndsThePass()
    {
        await using var storage = await TStorage.StartAsync("retention_batches");
        await SeedAsync(storage);
        await storage.Retention.SetDaysAsync("w", 30, Ct);

        var batches = new List<RetentionBatch>();
        var running = new List<bool>();
        do
        {
            batches.Add((await storage.Retention.RunBatchAsync("w", Now, PassEvery, 3, Ct))!);
            running.Add((await storage.Retention.GetAsync("w", Ct)).Running);
        }
        while (!batches[^1].Finished && batches.Count < 10);

        Assert.Equal([3L, 3L, 1L], batches.Select(b => b.Examined));
        Assert.Equal([true, true, false], running);
        Assert.Equal(2, batches.Sum(b => b.Deleted));
        Assert.Equal(7, (await storage.Retention.GetAsync("w", Ct)).Examined);
    }

    [Fact]
    public async Task RunBatch_PassNotDueOrNoPeriod_DoesNothing()
    {
        await using var storage = await TStorage.StartAsync("retention_due");
        await SeedAsync(storage);
        await storage.Retention.SetDaysAsync("w", 30, Ct);
        await storage.Retention.SetDaysAsync("w2", 0, Ct);
        await storage.Retention.RunBatchAsync("w", Now, PassEvery, 100, Ct);

        var early = await storage.Retention.RunBatchAsync("w", Now + PassEvery - TimeSpan.FromSeconds(1), PassEvery, 100, Ct);
        var due = await storage.Retention.RunBatchAsync("w", Now + PassEvery, PassEvery, 100, Ct);
        var off = await storage.Retention.RunBatchAsync("w2", Now, PassEvery, 100, Ct);
        var unknown = await storage.Retention.RunBatchAsync("nobody", Now, PassEvery, 100, Ct);

        Assert.Null(early);
        Assert.Equal((5L, 0L), (due!.Examined, due.Deleted));
        Assert.Null(off);
        Assert.Null(unknown);
        Assert.Equal(["w"], await storage.Retention.WorkspacesAsync(Ct));
        Assert.Equal(0, (await storage.Retention.GetAsync("nobody", Ct)).RetentionDays);
    }

    /// <summary>
    /// In w: a has entries 40, 35 and 1 days old and a late one 50 days old, its snapshot including the first three;
    /// b has two old entries and no snapshot; c one recent entry. In w2, a has four old entries.
    /// </summary>
    private static async Task SeedAsync(StorageUnderTest storage)
    {
        await CommitAsync(storage, "w", "a", [40, 35, 1, 50], snapshotThrough: 3);
        await CommitAsync(storage, "w", "b", [45, 44], snapshotThrough: null);
        await CommitAsync(storage, "w", "c", [2], snapshotThrough: null);
        await CommitAsync(storage, "w2", "a", [40, 40, 40, 40], snapshotThrough: 4);
    }

    private static async Task CommitAsync(StorageUnderTest storage, string workspaceId, string customerId, int[] daysAgo, long? snapshotThrough)
    {
        var entries = daysAgo.Select((days, i) => new JournalEntry(i + 1, T0, new CustomerEvent($"{customerId}-{i + 1}", "purchase", Now.AddDays(-days), CustomerEvent.NoProperties))).ToList();
        await storage.Journal.CommitAsync(new CustomerCommit(workspaceId, customerId, entries, [], null), Ct);
        if (snapshotThrough is { } sequence)
        {
            await storage.Journal.SaveSnapshotAsync(workspaceId, customerId, new StoredSnapshot(sequence, [1]), Ct);
        }
    }
}
