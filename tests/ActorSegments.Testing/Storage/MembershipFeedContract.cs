using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using Xunit;
using static ActorSegments.Testing.Storage.StorageUnderTest;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="IMembershipFeed"/> must do, seeded through the journal.</summary>
public abstract class MembershipFeedContract<TStorage>
    where TStorage : IStorageFactory
{
    [Fact]
    public async Task Read_InPagesResumedFromTokens_ReturnsEveryChangeOnceInCommitOrder()
    {
        await using var storage = await TStorage.StartAsync("feed_pages");
        await SeedAsync(storage);

        var pages = new List<FeedPage>();
        var token = FeedCursor.Start.ToToken();
        do
        {
            // A client holds only the token between pages.
            Assert.True(FeedCursor.TryParse(token, out var after));
            pages.Add(await storage.Feed.ReadAsync("w", "s", after, 2, TestContext.Current.CancellationToken));
            token = pages[^1].Next.ToToken();
        }
        while (pages[^1].Changes.Count > 0);

        var changes = pages.SelectMany(p => p.Changes).ToList();
        Assert.Equal(["c1+", "c2+", "c1-", "c4+", "c2-"], changes.Select(c => c.CustomerId + (c.Entered ? "+" : "-")));
        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.Changes.Count));
        Assert.All(pages.Where(p => p.Changes.Count > 0), p => Assert.Equal(p.Changes[^1].Cursor, p.Next));
        Assert.Equal(changes[^1].Cursor, pages[^1].Next);
        Assert.All(changes.Zip(changes.Skip(1)), pair => Assert.True(pair.First.Cursor < pair.Second.Cursor));
        Assert.Equal((UnixTime.ToDateTimeOffset(T0 + 4), MembershipCause.Time), (changes[2].ChangedAt, changes[2].Cause));
        Assert.Equal((UnixTime.ToDateTimeOffset(T0), MembershipCause.Event), (changes[0].ChangedAt, changes[0].Cause));
    }

    [Fact]
    public async Task Read_OtherSegmentOrWorkspace_NotReturned()
    {
        await using var storage = await TStorage.StartAsync("feed_scope");
        await SeedAsync(storage);

        var other = await storage.Feed.ReadAsync("w", "other", FeedCursor.Start, 100, TestContext.Current.CancellationToken);
        var otherWorkspace = await storage.Feed.ReadAsync("w2", "s", FeedCursor.Start, 100, TestContext.Current.CancellationToken);
        var unknown = await storage.Feed.ReadAsync("nobody", "s", FeedCursor.Start, 100, TestContext.Current.CancellationToken);

        Assert.Equal(["c1"], other.Changes.Select(c => c.CustomerId));
        Assert.Equal(["c3"], otherWorkspace.Changes.Select(c => c.CustomerId));
        Assert.Empty(unknown.Changes);
        Assert.Equal(FeedCursor.Start, unknown.Next);
    }

    [Fact]
    public async Task Head_ThenMoreChanges_ReadFromHeadReturnsExactlyTheLaterOnes()
    {
        await using var storage = await TStorage.StartAsync("feed_head");
        await SeedAsync(storage);
        var head = await storage.Feed.HeadAsync("w", TestContext.Current.CancellationToken);

        await storage.ChangeAsync("w", "c5", Enter("s", T0 + 10));
        await storage.ChangeAsync("w", "c4", Exit("s", T0 + 11));
        await storage.SettleAsync();
        var later = await storage.Feed.ReadAsync("w", "s", head, 100, TestContext.Current.CancellationToken);
        var all = await storage.Feed.ReadAsync("w", "s", FeedCursor.Start, 100, TestContext.Current.CancellationToken);

        Assert.Equal(["c5+", "c4-"], later.Changes.Select(c => c.CustomerId + (c.Entered ? "+" : "-")));
        Assert.Equal(all.Changes.TakeLast(2), later.Changes);
        Assert.All(all.Changes.SkipLast(2), c => Assert.True(c.Cursor <= head));
    }

    [Fact]
    public async Task Read_AfterACursorBeyondTheHead_IsRefusedInsteadOfWaitingForever()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await TStorage.StartAsync("feed_beyond");
        await SeedAsync(storage);
        var head = await storage.Feed.HeadAsync("w", ct);
        var last = (await storage.Feed.ReadAsync("w", "s", FeedCursor.Start, 100, ct)).Next;

        // Far enough that the head cannot get there meanwhile: PostgreSQL's transaction ids are shared with every
        // other test's database on the server.
        var beyond = await Assert.ThrowsAsync<FeedCursorBeyondHeadException>(() => storage.Feed.ReadAsync("w", "s", new FeedCursor(head.Transaction + (1UL << 40), 0), 100, ct));
        Assert.True(FeedCursor.TryParse("ffffffffffff.ffffff", out var madeUp));
        var farAway = await Assert.ThrowsAsync<FeedCursorBeyondHeadException>(() => storage.Feed.ReadAsync("w", "other", madeUp, 100, ct));
        var atHead = await storage.Feed.ReadAsync("w", "s", head, 100, ct);
        var atLast = await storage.Feed.ReadAsync("w", "s", last, 100, ct);

        Assert.True(beyond.Head >= head);
        Assert.Equal(madeUp, farAway.Cursor);
        Assert.Empty(atHead.Changes);
        Assert.Equal(head, atHead.Next);
        Assert.Empty(atLast.Changes);
    }

    [Fact]
    public async Task Latest_AcrossSegments_NewestFirstWithTheirSegmentsOnlyThisWorkspace()
    {
        await using var storage = await TStorage.StartAsync("feed_latest");
        await SeedAsync(storage);

        var latest = await storage.Feed.LatestAsync("w", 4, TestContext.Current.CancellationToken);
        var all = await storage.Feed.LatestAsync("w", 100, TestContext.Current.CancellationToken);

        Assert.Equal(["s c2-", "s c4+", "s c1-", "s c2+"], latest.Select(c => $"{c.SegmentId} {c.Change.CustomerId}{(c.Change.Entered ? "+" : "-")}"));
        // c1's commit entered two segments; either may come first, both after the commits that followed.
        Assert.Equal(["other c1+", "s c1+"], all.Skip(4).Select(c => $"{c.SegmentId} {c.Change.CustomerId}{(c.Change.Entered ? "+" : "-")}").Order(StringComparer.Ordinal));
        Assert.Equal(6, all.Count);
        Assert.Equal(UnixTime.ToDateTimeOffset(T0 + 6), latest[0].Change.ChangedAt);
        Assert.Empty(await storage.Feed.LatestAsync("nobody", 10, TestContext.Current.CancellationToken));
    }

    /// <summary>In w/s: c1 enters, c2 enters, c1 leaves, c4 enters, c2 leaves; in between, changes elsewhere.</summary>
    protected static async Task SeedAsync(StorageUnderTest storage)
    {
        await storage.DefineAsync("w", "s", "other");
        await storage.DefineAsync("w2", "s");
        // One commit at a time: the order of commits is the order of the feed.
        await storage.ChangeAsync("w", "c1", Enter("s", T0), Enter("other", T0));
        await storage.ChangeAsync("w", "c2", Enter("s", T0 + 1));
        await storage.ChangeAsync("w2", "c3", Enter("s", T0 + 2));
        await storage.ChangeAsync("w", "c1", Exit("s", T0 + 4));
        await storage.ChangeAsync("w", "c4", Enter("s", T0 + 5));
        await storage.ChangeAsync("w", "c2", Exit("s", T0 + 6));
        await storage.SettleAsync();
    }
}
