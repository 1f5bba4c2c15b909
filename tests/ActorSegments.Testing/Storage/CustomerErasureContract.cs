using ActorSegments.Domain.Events;
using ActorSegments.Domain.Privacy;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using Xunit;
using static ActorSegments.Testing.Storage.StorageUnderTest;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="ICustomerErasure"/> must do, seeded through the journal.</summary>
public abstract class CustomerErasureContract<TStorage>
    where TStorage : IStorageFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset ErasedAt = DateTimeOffset.FromUnixTimeSeconds(T0 + 100);

    [Fact]
    public async Task Erase_RemovesEveryRowOfTheCustomerAndRedactsItsFeedRows()
    {
        await using var storage = await TStorage.StartAsync("erase_rows");
        await SeedAsync(storage, "c1");
        await SeedAsync(storage, "c2");
        var token = ErasedIds.NewToken();

        var report = await storage.Erasure.EraseAsync(new ErasureOrder("w", "c1", token, null, "key-1", ErasedAt), Ct);
        await storage.SettleAsync();

        Assert.True((await storage.Journal.LoadAsync("w", "c1", Ct)).IsEmpty);
        Assert.False((await storage.Journal.LoadAsync("w", "c2", Ct)).IsEmpty);
        Assert.Equal(["c2"], await storage.Registry.PageAsync("w", null, 10, Ct));
        var feed = (await storage.Feed.ReadAsync("w", "s", FeedCursor.Start, 100, Ct)).Changes.Select(c => c.CustomerId).ToList();
        Assert.Equal([token, token, "c2", "c2"], feed);
        Assert.Equal(["c2"], (await storage.Members.PageAsync("w", "other", null, 10, Ct)).Select(m => m.CustomerId));
        Assert.Equal(2, report.Rows["customer_journal"]);
        Assert.Equal(1, report.Rows["customers"]);
        Assert.Equal(1, report.Rows["customer_wakeups"]);
        Assert.Equal(1, report.Rows["customer_snapshots"]);
        Assert.Equal(1, report.Rows["segment_members"]);
        Assert.Equal(3, report.Rows["membership_log"]);
        Assert.False(report.WasSuppressed);
    }

    [Fact]
    public async Task Erase_KeepsOnlyTheHashForSuppressionAndAudit()
    {
        await using var storage = await TStorage.StartAsync("erase_audit");
        await SeedAsync(storage, "c1");

        var report = await storage.Erasure.EraseAsync(new ErasureOrder("w", "c1", ErasedIds.NewToken(), null, "key-1", ErasedAt), Ct);
        var audit = await storage.Erasure.AuditAsync("w", 10, Ct);

        Assert.True(await storage.Erasure.IsSuppressedAsync("w", "c1", Ct));
        Assert.False(await storage.Erasure.IsSuppressedAsync("w", "c2", Ct));
        Assert.False(await storage.Erasure.IsSuppressedAsync("w2", "c1", Ct));
        var record = Assert.Single(audit);
        Assert.Equal(("w", ErasedIds.Hash("w", "c1"), "key-1", ErasedAt), (record.WorkspaceId, record.IdHash, record.ErasedBy, record.ErasedAt));
        Assert.Equal(report.Rows.OrderBy(p => p.Key), record.Rows.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Erase_Repeated_ReportsTheIdAsSuppressedAndRemovesNothingMore()
    {
        await using var storage = await TStorage.StartAsync("erase_twice");
        await SeedAsync(storage, "c1");
        await storage.Erasure.EraseAsync(new ErasureOrder("w", "c1", ErasedIds.NewToken(), null, "key-1", ErasedAt), Ct);

        var again = await storage.Erasure.EraseAsync(new ErasureOrder("w", "c1", ErasedIds.NewToken(), null, "key-1", ErasedAt), Ct);
        var unknown = await storage.Erasure.EraseAsync(new ErasureOrder("w", "never-seen", ErasedIds.NewToken(), null, "key-1", ErasedAt), Ct);

        Assert.True(again.WasSuppressed);
        Assert.Empty(again.Rows);
        Assert.False(unknown.WasSuppressed);
        Assert.Empty(unknown.Rows);
        Assert.True(await storage.Erasure.IsSuppressedAsync("w", "never-seen", Ct));
        Assert.Equal(3, (await storage.Erasure.AuditAsync("w", 10, Ct)).Count);
    }

    [Fact]
    public async Task Erase_WithExitsVisible_KeepsTheIdInTheErasureExitsUntilTheirTimeThenRedactsThemWithTheSameToken()
    {
        await using var storage = await TStorage.StartAsync("erase_grace");
        await SeedAsync(storage, "c1");
        await storage.ChangeAsync("w", "c1", new MembershipChange("other", false, T0 + 50, MembershipCause.Erased));
        var token = ErasedIds.NewToken();
        var until = ErasedAt.AddDays(3);

        var report = await storage.Erasure.EraseAsync(new ErasureOrder("w", "c1", token, until, "key-1", ErasedAt), Ct);
        await storage.SettleAsync();
        var during = await FeedAsync(storage, "other");
        var early = await storage.Erasure.RedactDueExitsAsync(until.AddSeconds(-1), 10, Ct);
        var due = await storage.Erasure.RedactDueExitsAsync(until, 10, Ct);
        var after = await FeedAsync(storage, "other");

        Assert.Equal([token, "c1"], during);
        Assert.Equal(1, report.Rows["erasure_pending_exits"]);
        Assert.Equal((0, 1), (early, due));
        Assert.Equal([token, token], after);
        Assert.Equal(0, await storage.Erasure.RedactDueExitsAsync(until.AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task LiftSuppression_TakesTheIdOffTheListOnce()
    {
        await using var storage = await TStorage.StartAsync("erase_lift");
        await storage.Erasure.EraseAsync(new ErasureOrder("w", "c1", ErasedIds.NewToken(), null, "key-1", ErasedAt), Ct);

        var first = await storage.Erasure.LiftSuppressionAsync("w", "c1", Ct);
        var second = await storage.Erasure.LiftSuppressionAsync("w", "c1", Ct);

        Assert.Equal((true, false), (first, second));
        Assert.False(await storage.Erasure.IsSuppressedAsync("w", "c1", Ct));
    }

    [Fact]
    public async Task Load_SaysWhetherTheIdIsSuppressed_InTheSameRead()
    {
        await using var storage = await TStorage.StartAsync("erase_load");
        await SeedAsync(storage, "c2");
        await storage.Erasure.EraseAsync(new ErasureOrder("w", "c1", ErasedIds.NewToken(), null, "key-1", ErasedAt), Ct);

        var erased = await storage.Journal.LoadAsync("w", "c1", Ct);
        var kept = await storage.Journal.LoadAsync("w", "c2", Ct);
        var otherWorkspace = await storage.Journal.LoadAsync("w2", "c1", Ct);
        await storage.Erasure.LiftSuppressionAsync("w", "c1", Ct);
        var lifted = await storage.Journal.LoadAsync("w", "c1", Ct);

        Assert.Equal((true, true), (erased.Suppressed, erased.IsEmpty));
        Assert.Equal((false, false), (kept.Suppressed, kept.IsEmpty));
        Assert.False(otherWorkspace.Suppressed);
        Assert.False(lifted.Suppressed);
    }

    private static async Task<List<string>> FeedAsync(StorageUnderTest storage, string segmentId) =>
        [.. (await storage.Feed.ReadAsync("w", segmentId, FeedCursor.Start, 100, Ct)).Changes.Select(c => c.CustomerId)];

    /// <summary>
    /// The customer's two events with a snapshot and a wake-up; it enters s and other, then leaves s (a membership in
    /// other is left standing).
    /// </summary>
    private static async Task SeedAsync(StorageUnderTest storage, string customerId)
    {
        await storage.DefineAsync("w", "s", "other");
        var at = DateTimeOffset.FromUnixTimeSeconds(T0);
        JournalEntry[] entries =
        [
            new(1, T0, new CustomerEvent($"{customerId}-e1", "purchase", at, CustomerEvent.NoProperties)),
            new(2, T0, new CustomerEvent($"{customerId}-e2", "purchase", at, CustomerEvent.NoProperties)),
        ];
        await storage.Journal.CommitAsync(new CustomerCommit("w", customerId, entries, [Enter("s", T0), Enter("other", T0)], T0 + 3600, new StoredSnapshot(2, [1, 2, 3])), Ct);
        await storage.ChangeAsync("w", customerId, Exit("s", T0 + 1));
    }
}
