using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Segments;
using ActorSegments.Testing;
using Microsoft.Extensions.Time.Testing;
using static ActorSegments.Postgres.Tests.Counts.CountsDatabase;

namespace ActorSegments.Postgres.Tests.Counts;

public sealed class CountSlotFoldTests
{
    // No PostgreSQL backend has this process id (Linux allows at most 2^22), so its slot is one of an ended backend.
    private const int EndedBackend = int.MaxValue;

    [Fact]
    public async Task Fold_SlotsOfEndedBackends_MovesThemIntoTheBaseAndKeepsTheCount()
    {
        await using var db = await WithSegmentsAsync("fold_ended", "seg");
        var counts = new PostgresSegmentCounts(db.DataSource);
        var ct = TestContext.Current.CancellationToken;
        // Without pooling every journal transaction runs on a new backend, which ends after it.
        await using (var unpooled = Silo(db, "unpooled", b => b.Pooling = false))
        await using (var journal = JournalOn(unpooled, new JournalOptions { Writers = 1 }))
        {
            for (var c = 0; c < 30; c++)
            {
                await journal.CommitAsync(Change($"c{c}", "seg", entered: true), ct);
            }
        }

        // One backend that stays: its slot must stay too.
        await using var live = await db.DataSource.OpenConnectionAsync(ct);
        await AddCountsAsync(live, null, Change("live", "seg", entered: true));
        var livePid = live.ProcessID;
        var slotsBefore = await SlotRowsAsync(db);

        var seen = new List<long>();
        await Eventually.ReturnsAsync(async () =>
        {
            await counts.FoldAsync(ct);
            seen.Add(await counts.CountAsync("ws", "seg", ct));
            return await SlotRowsAsync(db);
        }, slots => slots == 1);

        Assert.True(slotsBefore > 2, $"expected a slot per ended backend, found {slotsBefore} slots");
        Assert.All(seen, count => Assert.Equal(31L, count));
        Assert.Equal(livePid, await db.ScalarAsync<int>("SELECT slot FROM segment_count_slots"));
        Assert.Equal(30L, await db.ScalarAsync<long>("SELECT members FROM segment_counts WHERE segment_id = 'seg'"));
    }

    [Fact]
    public async Task Fold_SlotOfADeletedSegment_DropsIt()
    {
        await using var db = await WithSegmentsAsync("fold_deleted", "seg");
        await db.ExecuteAsync($"INSERT INTO segment_count_slots VALUES ('ws', 'seg', {EndedBackend}, 4), ('ws', 'gone', {EndedBackend}, 7)");

        var moved = await new PostgresSegmentCounts(db.DataSource).FoldAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2L, moved);
        Assert.Equal(0L, await SlotRowsAsync(db));
        Assert.Equal("seg=4", await db.ScalarAsync<string>("SELECT string_agg(segment_id || '=' || members, ',') FROM segment_counts"));
    }

    [Fact]
    public async Task Journal_AtStartAndEveryFoldInterval_FoldsSlotsOfEndedBackends()
    {
        await using var db = await WithSegmentsAsync("fold_periodic", "seg");
        var time = new FakeTimeProvider();
        var interval = TimeSpan.FromMinutes(1);
        await db.ExecuteAsync($"INSERT INTO segment_count_slots VALUES ('ws', 'seg', {EndedBackend}, 3)");
        await using var journal = JournalOn(db.DataSource, new JournalOptions { CountFoldInterval = interval }, time);

        var atStart = await Eventually.ReturnsAsync(() => SlotRowsAsync(db), slots => slots == 0);
        await db.ExecuteAsync($"INSERT INTO segment_count_slots VALUES ('ws', 'seg', {EndedBackend}, 5)");
        var later = await Eventually.ReturnsAsync(() =>
        {
            time.Advance(interval);
            return SlotRowsAsync(db);
        }, slots => slots == 0);

        Assert.Equal((0L, 0L), (atStart, later));
        Assert.Equal(8L, await db.ScalarAsync<long>("SELECT members FROM segment_counts WHERE segment_id = 'seg'"));
    }

    [Fact]
    public async Task Journal_WithAFoldIntervalOfZero_IsRefusedWithTheOptionNamed()
    {
        // Refused before anything connects.
        await using var nowhere = Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => JournalOn(nowhere, new JournalOptions { CountFoldInterval = TimeSpan.Zero }));

        Assert.Equal(nameof(JournalOptions.CountFoldInterval), ex.ParamName);
    }
}
