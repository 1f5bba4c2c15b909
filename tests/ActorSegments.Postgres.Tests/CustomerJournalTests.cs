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
    public async Task ACommitWithMembershipChanges_WakesFeedReadersOfItsWorkspace()
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

        var record = await journal.LoadAsync("ws", "c7", TestContext.Current.CancellationToken);
        var replay = record.Entries;
        Assert.Equal(["seg"], record.Members.Keys);
        Assert.Equal(T0 + 2, record.Members["seg"]);
        Assert.Equal(T0 + 100, record.WakeUpAt);
        Assert.Equal([1L, 2L], replay.Select(e => e.Sequence));
        var (sent, read) = ((CustomerEvent)Entry(2, "e7-2").Record, Assert.IsType<CustomerEvent>(replay[1].Record));
        Assert.Equal((sent.EventId, sent.Type, sent.OccurredAt), (read.EventId, read.Type, read.OccurredAt));
        Assert.Equal(sent.Properties, read.Properties);
        Assert.Equal(T0 + 2, replay[1].AppliedAt);
        Assert.Null(record.Snapshot);
        Assert.True((await journal.LoadAsync("ws", "nobody", TestContext.Current.CancellationToken)).IsEmpty);
    }

    [Fact]
    public async Task Load_AfterASnapshotRodeWithACommit_ReturnsItAndOnlyTheEntriesAfterIt()
    {
        await using var db = await MigratedAsync("journal_snapshot");
        await using var journal = Journal(db);
        var ct = TestContext.Current.CancellationToken;

        await journal.CommitAsync(new CustomerCommit("ws", "c", [Entry(1, "a"), Entry(2, "b")], [], null, new StoredSnapshot(2, [2, 2])), ct);
        await journal.CommitAsync(new CustomerCommit("ws", "c", [Entry(3, "c")], [], null), ct);

        var record = await journal.LoadAsync("ws", "c", ct);
        Assert.Equal(2, record.Snapshot!.Sequence);
        Assert.Equal([2, 2], record.Snapshot.Body);
        Assert.Equal([3L], record.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task SaveSnapshot_OlderThanTheStoredOne_IsIgnored()
    {
        await using var db = await MigratedAsync("journal_snapshot_order");
        await using var journal = Journal(db);
        var ct = TestContext.Current.CancellationToken;
        await journal.CommitAsync(new CustomerCommit("ws", "c", [Entry(1, "a"), Entry(2, "b"), Entry(3, "c")], [], null), ct);

        await journal.SaveSnapshotAsync("ws", "c", new StoredSnapshot(3, [3]), ct);
        await journal.SaveSnapshotAsync("ws", "c", new StoredSnapshot(1, [1]), ct); // a stale activation's, late

        var record = await journal.LoadAsync("ws", "c", ct);
        Assert.Equal([3], record.Snapshot!.Body);
        Assert.Empty(record.Entries);
    }

    [Fact]
    public async Task Commit_TwoSnapshotsOfOneCustomerInOneTransaction_KeepsTheNewer()
    {
        await using var db = await MigratedAsync("journal_snapshot_batch");
        await using var journal = Journal(db);
        var ct = TestContext.Current.CancellationToken;
        await journal.CommitAsync(new CustomerCommit("ws", "c", [Entry(1, "a"), Entry(2, "b")], [], null), ct);

        // Queued together, so one transaction carries both (an upsert touching one row twice would fail it).
        await Task.WhenAll(
            journal.SaveSnapshotAsync("ws", "c", new StoredSnapshot(2, [2]), ct),
            journal.SaveSnapshotAsync("ws", "c", new StoredSnapshot(1, [1]), ct));

        Assert.Equal([2], (await journal.LoadAsync("ws", "c", ct)).Snapshot!.Body);
    }

    [Fact]
    public async Task Load_ManyConcurrentCustomers_EachGetsItsOwnRecord()
    {
        await using var db = await MigratedAsync("journal_grouped_loads");
        await using var journal = Journal(db);
        var ct = TestContext.Current.CancellationToken;
        await db.ExecuteAsync("INSERT INTO segment_definitions (workspace_id, segment_id, rule, version, status) SELECT 'ws', 'seg' || n, 'did(purchase)', 1, 3 FROM generate_series(0, 2) n");
        await Task.WhenAll(Enumerable.Range(0, 300).Select(c => journal.CommitAsync(new CustomerCommit(
            "ws", $"c{c}", [.. Enumerable.Range(1, 1 + (c % 4)).Select(s => Entry(s, $"e{c}-{s}"))],
            c % 2 == 0 ? [new MembershipChange($"seg{c % 3}", true, T0 + c, MembershipCause.Event)] : [], c % 5 == 0 ? T0 + c : null,
            c % 3 == 0 ? new StoredSnapshot(1, [(byte)c]) : null), ct)));

        var records = await Task.WhenAll(Enumerable.Range(0, 301).Select(c => journal.LoadAsync("ws", $"c{c}", ct)));

        for (var c = 0; c < 300; c++)
        {
            var record = records[c];
            var after = c % 3 == 0 ? 1 : 0;
            Assert.Equal(Enumerable.Range(after + 1, 1 + (c % 4) - after).Select(s => $"e{c}-{s}"), record.Entries.Select(e => e.Record.EventId));
            Assert.Equal(c % 3 == 0 ? [(byte)c] : null, record.Snapshot?.Body);
            Assert.Equal(c % 2 == 0 ? [$"seg{c % 3}"] : [], record.Members.Keys);
            Assert.Equal(c % 5 == 0 ? T0 + c : null, record.WakeUpAt);
        }

        Assert.True(records[300].IsEmpty);
        var many = await journal.LoadManyAsync("ws", ["c3", "c4", "nobody"], ct);
        Assert.Equal(["c3", "c4"], many.Keys.Order());
        Assert.Equal(records[3].Entries.Select(e => e.Sequence), many["c3"].Entries.Select(e => e.Sequence));
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
