using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Migrations;
using ActorSegments.Postgres.Segments;
using ActorSegments.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.Postgres.Tests;

public sealed class CustomerJournalTests
{
    private const long T0 = 1_780_000_000;

    private static async Task<TestDatabase> MigratedAsync(string name)
    {
        var db = await TestPostgres.CreateDatabaseAsync(name);
        await new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        // Members and counts are kept for defined segments only.
        await db.ExecuteAsync("INSERT INTO segment_definitions (workspace_id, segment_id, rule, version, status) VALUES ('ws', 'seg', 'did(purchase)', 1, 3)");
        return db;
    }

    private static PostgresCustomerJournal Journal(TestDatabase db, JournalOptions? options = null) =>
        new(db.DataSource, options ?? new JournalOptions(), NullLogger<PostgresCustomerJournal>.Instance);

    private static JournalEntry Entry(long sequence, string id, string type = "product_viewed") => new(
        sequence,
        T0 + sequence,
        new CustomerEvent(id, type, UnixTime.ToDateTimeOffset(T0 + sequence - 5), new Dictionary<string, PropertyValue>
        {
            ["category"] = PropertyValue.Of("Audio"),
            ["price"] = PropertyValue.Of(19.99),
            ["gift"] = PropertyValue.Of(true),
        }));

    [Fact]
    public async Task A_commit_with_membership_changes_wakes_feed_readers_of_its_workspace()
    {
        await using var db = await MigratedAsync("journal_signal");
        await using var journal = Journal(db);
        await using var signal = new PostgresFeedSignal(db.DataSource, NullLogger<PostgresFeedSignal>.Instance);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        await signal.NextSignal("ws").WaitAsync(limit.Token); // the listener wakes everyone once it listens

        var next = signal.NextSignal("ws");
        await journal.CommitAsync(new CustomerCommit("ws", "c1", [Entry(1, "e1")], [], null), limit.Token);
        var beforeChanges = next.IsCompleted;
        await journal.CommitAsync(new CustomerCommit("ws", "c2", [Entry(1, "e2")], [new MembershipChange("seg", true, T0, MembershipCause.Event)], null), limit.Token);
        await next.WaitAsync(limit.Token);

        Assert.False(beforeChanges, "a commit without membership changes signalled the feed");
    }

    [Fact]
    public async Task Commit_ManyCustomersAtOnce_AllDurableAndReadBackInOrder()
    {
        await using var db = await MigratedAsync("journal_many");
        await using var journal = Journal(db);

        var commits = Enumerable.Range(0, 200).Select(c => journal.CommitAsync(new CustomerCommit(
            "ws", $"c{c}", [Entry(1, $"e{c}-1"), Entry(2, $"e{c}-2")], [new MembershipChange("seg", true, T0 + 2, MembershipCause.Event)], T0 + 100)));
        await Task.WhenAll(commits);

        Assert.Equal(400L, await db.ScalarAsync<long>("SELECT count(*) FROM customer_journal"));
        Assert.Equal(200L, await db.ScalarAsync<long>("SELECT count(*) FROM customers"));
        Assert.Equal(200L, await db.ScalarAsync<long>("SELECT count(*) FROM segment_members WHERE segment_id = 'seg'"));
        Assert.Equal(200L, await db.ScalarAsync<long>("SELECT count(*) FROM membership_log WHERE entered"));
        Assert.Equal(200L, await db.ScalarAsync<long>("SELECT count(*) FROM customer_wakeups"));
        Assert.Equal(200L, await db.ScalarAsync<long>("SELECT members FROM segment_count_totals WHERE segment_id = 'seg'"));

        var record = await journal.LoadAsync("ws", "c7", 0, TestContext.Current.CancellationToken);
        var replay = record.Entries;
        Assert.Equal(["seg"], record.Members.Keys);
        Assert.Equal(T0 + 2, record.Members["seg"]);
        Assert.Equal(T0 + 100, record.WakeUpAt);
        Assert.Equal([1L, 2L], replay.Select(e => e.Sequence));
        Assert.Equal(Entry(2, "e7-2").Event.EventId, replay[1].Event.EventId);
        Assert.Equal(Entry(2, "e7-2").Event.OccurredAt, replay[1].Event.OccurredAt);
        Assert.Equal(Entry(2, "e7-2").Event.Properties, replay[1].Event.Properties);
        Assert.Equal(T0 + 2, replay[1].AppliedAt);
        Assert.Single((await journal.LoadAsync("ws", "c7", 1, TestContext.Current.CancellationToken)).Entries);
        Assert.Equal(new CustomerRecord([], new Dictionary<string, long>(), null).Entries, (await journal.LoadAsync("ws", "nobody", 0, TestContext.Current.CancellationToken)).Entries);
    }

    [Fact]
    public async Task Commit_ExitAfterEnter_LeavesTheLogInOrderAndTheMemberGone()
    {
        await using var db = await MigratedAsync("journal_exit");
        await using var journal = Journal(db);

        await journal.CommitAsync(new CustomerCommit("ws", "c", [Entry(1, "a")], [new MembershipChange("seg", true, T0, MembershipCause.Event)], T0 + 50), TestContext.Current.CancellationToken);
        await journal.CommitAsync(new CustomerCommit("ws", "c", [], [new MembershipChange("seg", false, T0 + 50, MembershipCause.Time)], UnixTime.Never), TestContext.Current.CancellationToken);

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM segment_members"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT members FROM segment_count_totals"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM customer_wakeups"));
        Assert.Equal("t,f", await db.ScalarAsync<string>("SELECT string_agg(CASE WHEN entered THEN 't' ELSE 'f' END, ',' ORDER BY position) FROM membership_log"));
        Assert.Equal((short)MembershipCause.Time, await db.ScalarAsync<short>("SELECT cause FROM membership_log WHERE NOT entered"));
    }

    [Fact]
    public async Task Commit_SameSequenceTwice_FailsAndStoresNothingOfTheSecond()
    {
        await using var db = await MigratedAsync("journal_fence");
        await using var journal = Journal(db);
        await journal.CommitAsync(new CustomerCommit("ws", "c", [Entry(1, "a")], [], null), TestContext.Current.CancellationToken);

        // A second activation of the same customer numbering from the same point cannot commit.
        await Assert.ThrowsAsync<JournalCommitException>(() => journal.CommitAsync(
            new CustomerCommit("ws", "c", [Entry(1, "b")], [new MembershipChange("seg", true, T0, MembershipCause.Event)], null), TestContext.Current.CancellationToken));

        Assert.Equal("a", await db.ScalarAsync<string>("SELECT event_id FROM customer_journal"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM membership_log"));
    }

    [Fact]
    public async Task Commit_DatabaseUnreachable_FailsAndALaterRetrySucceeds()
    {
        await using var db = await MigratedAsync("journal_outage");
        await using var journal = Journal(db);
        await db.CutConnectionsAsync();

        await Assert.ThrowsAsync<JournalCommitException>(() => journal.CommitAsync(new CustomerCommit("ws", "c", [Entry(1, "a")], [], null), TestContext.Current.CancellationToken));

        await db.RestoreConnectionsAsync();
        await journal.CommitAsync(new CustomerCommit("ws", "c", [Entry(1, "a")], [], null), TestContext.Current.CancellationToken);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM customer_journal"));
    }

    [Fact]
    public async Task Commit_QueueFull_IsRefusedAtOnceWithoutWriting()
    {
        await using var db = await MigratedAsync("journal_overload");
        await using var journal = Journal(db, new JournalOptions { Writers = 1, MaxPendingCommits = 1, MaxBatchCommits = 1 });
        // Hold the writer inside a transaction by locking the table it writes first.
        await using var blocker = await db.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var tx = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var lockCommand = new Npgsql.NpgsqlCommand("LOCK TABLE customer_journal IN ACCESS EXCLUSIVE MODE", blocker, tx))
        {
            await lockCommand.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var first = journal.CommitAsync(new CustomerCommit("ws", "a", [Entry(1, "a")], [], null), TestContext.Current.CancellationToken);
        await Eventually.ReturnsAsync(() => db.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE NOT granted"), waiting => waiting > 0);
        var second = journal.CommitAsync(new CustomerCommit("ws", "b", [Entry(1, "b")], [], null), TestContext.Current.CancellationToken);
        var third = journal.CommitAsync(new CustomerCommit("ws", "c", [Entry(1, "c")], [], null), TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<JournalOverloadedException>(() => third);
        await tx.RollbackAsync(TestContext.Current.CancellationToken);
        await Task.WhenAll(first, second);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM customer_journal"));
    }

    [Fact]
    public async Task Counts_StayEqualToARecount_UnderConcurrentCommitsAndRecounts()
    {
        await using var db = await MigratedAsync("journal_counts");
        await using var journal = Journal(db);
        var counts = new PostgresSegmentCounts(db.DataSource);
        var ct = TestContext.Current.CancellationToken;

        // Customers enter and some leave again while recounts run at the same time.
        var writers = Enumerable.Range(0, 300).Select(async c =>
        {
            await journal.CommitAsync(new CustomerCommit("ws", $"c{c}", [Entry(1, $"e{c}")], [new MembershipChange("seg", true, T0, MembershipCause.Event)], null), ct);
            if (c % 3 == 0)
            {
                await journal.CommitAsync(new CustomerCommit("ws", $"c{c}", [], [new MembershipChange("seg", false, T0 + 1, MembershipCause.Time)], null), ct);
            }
        });
        var recounts = Enumerable.Range(0, 10).Select(_ => counts.RecountAsync("ws", "seg", ct));
        await Task.WhenAll(writers.Concat<Task>(recounts));

        Assert.Equal(200L, await counts.CountAsync("ws", "seg", ct));
        Assert.Equal(200L, await db.ScalarAsync<long>("SELECT count(*) FROM segment_members"));
        Assert.Equal(200L, await counts.RecountAsync("ws", "seg", ct));
    }

    [Fact]
    public async Task Changes_OfADeletedSegment_AreLoggedButDoNotBringItsMembersBack()
    {
        await using var db = await MigratedAsync("journal_deleted");
        await using var journal = Journal(db);

        await journal.CommitAsync(new CustomerCommit("ws", "c", [Entry(1, "a")], [new MembershipChange("gone", true, T0, MembershipCause.Event)], null), TestContext.Current.CancellationToken);

        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM membership_log"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM segment_members"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM segment_count_totals"));
    }
}
