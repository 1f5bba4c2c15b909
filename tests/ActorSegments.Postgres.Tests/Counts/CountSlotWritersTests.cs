using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Segments;
using ActorSegments.Testing;
using Npgsql;
using static ActorSegments.Postgres.Tests.Counts.CountsDatabase;

namespace ActorSegments.Postgres.Tests.Counts;

public sealed class CountSlotWritersTests
{
    // Records every write to a count row with the backend that made it.
    private const string AuditCountWrites = """
        CREATE TABLE count_writes (table_name text, workspace_id text, segment_id text, slot integer, backend integer);
        CREATE FUNCTION record_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO count_writes VALUES (TG_TABLE_NAME, NEW.workspace_id, NEW.segment_id, (to_jsonb(NEW) ->> 'slot')::integer, pg_backend_pid());
            RETURN NULL;
        END $$;
        CREATE TRIGGER audit AFTER INSERT OR UPDATE ON segment_counts FOR EACH ROW EXECUTE FUNCTION record_count_write();
        CREATE TRIGGER audit AFTER INSERT OR UPDATE ON segment_count_slots FOR EACH ROW EXECUTE FUNCTION record_count_write();
        """;

    [Fact]
    public async Task Commits_FromTwoJournalsAtOnce_WriteOnlyCountRowsOfTheirOwnBackend()
    {
        await using var db = await WithSegmentsAsync("counts_own_rows", "a", "b", "c");
        await db.ExecuteAsync(AuditCountWrites);
        await using var silo1 = Silo(db, "silo1");
        await using var silo2 = Silo(db, "silo2");
        var journals = new[] { JournalOn(silo1), JournalOn(silo2) };
        var ct = TestContext.Current.CancellationToken;

        // Both journals (two writers each) commit changes of the same segments at the same time.
        await Task.WhenAll(Enumerable.Range(0, 600).Select(async c =>
        {
            var journal = journals[c % 2];
            await journal.CommitAsync(Change($"c{c}", "abc"[c % 3].ToString(), entered: true), ct);
            await journal.CommitAsync(Change($"c{c}", "abc"[(c + 1) % 3].ToString(), entered: true), ct);
        }));
        foreach (var journal in journals)
        {
            await journal.DisposeAsync();
        }

        // A backend runs one transaction at a time, so rows written only by their own backend are never written by
        // two running transactions.
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM count_writes WHERE table_name <> 'segment_count_slots' OR slot IS DISTINCT FROM backend"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(DISTINCT backend) FROM count_writes") >= 2, "the commits ran on fewer than two backends");
        var counts = new PostgresSegmentCounts(db.DataSource);
        foreach (var segment in new[] { "a", "b", "c" })
        {
            Assert.Equal(400L, await counts.CountAsync("ws", segment, ct));
        }
    }

    [Fact]
    public async Task Commit_WhileAnotherTransactionHoldsCountsOfTheSameSegment_DoesNotWaitForIt()
    {
        await using var db = await WithSegmentsAsync("counts_no_wait", "seg");
        var ct = TestContext.Current.CancellationToken;
        await using var held = await db.DataSource.OpenConnectionAsync(ct);
        await using var open = await held.BeginTransactionAsync(ct);
        await AddCountsAsync(held, open, Change("first", "seg", entered: true));
        // A lock wait in the journal's transaction becomes an error instead of a wait until the other one commits.
        await using var silo = Silo(db, "silo", b => b.Options = "-c lock_timeout=2000");
        await using var journal = JournalOn(silo, new JournalOptions { Writers = 1 });

        await journal.CommitAsync(Change("second", "seg", entered: true), ct);

        await open.CommitAsync(ct);
        Assert.Equal(2L, await new PostgresSegmentCounts(db.DataSource).CountAsync("ws", "seg", ct));
    }

    [Fact]
    public async Task Counts_UnderTwoJournalsRecountsAndFoldsAtOnce_EqualTheMembers()
    {
        string[] segments = ["a", "b", "c"];
        await using var db = await WithSegmentsAsync("counts_exact", segments);
        await using var silo1 = Silo(db, "silo1");
        // Without pooling each of this journal's transactions runs on a backend that ends after it, leaving slots to fold.
        await using var silo2 = Silo(db, "silo2", b => b.Pooling = false);
        var journals = new[] { JournalOn(silo1), JournalOn(silo2) };
        var counts = new PostgresSegmentCounts(db.DataSource);
        var ct = TestContext.Current.CancellationToken;

        // Customers enter and a third of them leave again on either journal, while recounts and folds run.
        var writers = Enumerable.Range(0, 600).Select(async c =>
        {
            var segment = segments[c % 3];
            await journals[c % 2].CommitAsync(Change($"c{c}", segment, entered: true), ct);
            if (c % 3 == 0)
            {
                await journals[(c + 1) % 2].CommitAsync(Change($"c{c}", segment, entered: false), ct);
            }
        });
        var recounts = Enumerable.Range(0, 12).Select(r => counts.RecountAsync("ws", segments[r % 3], ct));
        var folds = Enumerable.Range(0, 6).Select(_ => counts.FoldAsync(ct));
        await Task.WhenAll(writers.Concat<Task>(recounts).Concat(folds));
        foreach (var journal in journals)
        {
            await journal.DisposeAsync();
        }

        foreach (var segment in segments)
        {
            var members = await db.ScalarAsync<long>($"SELECT count(*) FROM segment_members WHERE segment_id = '{segment}'");
            Assert.Equal(segment == "a" ? 0L : 200L, members);
            Assert.Equal(members, await counts.CountAsync("ws", segment, ct));
            Assert.Equal(members, await counts.RecountAsync("ws", segment, ct));
        }
    }

    [Fact]
    public async Task Recount_WhileAJournalTransactionHoldsCountsOfTheSegment_WaitsForItsCommitAndCountsIt()
    {
        await using var db = await WithSegmentsAsync("counts_recount_waits", "seg");
        var counts = new PostgresSegmentCounts(db.DataSource);
        var ct = TestContext.Current.CancellationToken;
        await using var held = await db.DataSource.OpenConnectionAsync(ct);
        await using var open = await held.BeginTransactionAsync(ct);
        await using (var member = new NpgsqlCommand("INSERT INTO segment_members (workspace_id, segment_id, customer_id, since) VALUES ('ws', 'seg', 'first', now())", held, open))
        {
            await member.ExecuteNonQueryAsync(ct);
        }

        await AddCountsAsync(held, open, Change("first", "seg", entered: true));

        var recount = counts.RecountAsync("ws", "seg", ct);
        var waiting = await Eventually.ReturnsAsync(() => db.ScalarAsync<long>(
            "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted"), n => n > 0);
        var doneBeforeCommit = recount.IsCompleted;
        await open.CommitAsync(ct);

        Assert.Equal((1L, false), (waiting, doneBeforeCommit));
        Assert.Equal(1L, await recount);
        Assert.Equal(1L, await counts.CountAsync("ws", "seg", ct));
    }

    [Fact]
    public async Task DeleteSegment_WithCountSlotsAndABase_RemovesEveryCountRow()
    {
        await using var db = await WithSegmentsAsync("counts_delete", "seg", "kept");
        var ct = TestContext.Current.CancellationToken;
        await using (var journal = JournalOn(db.DataSource))
        {
            await Task.WhenAll(Enumerable.Range(0, 50).Select(c => journal.CommitAsync(Change($"c{c}", c % 2 == 0 ? "seg" : "kept", entered: true), ct)));
        }

        await new PostgresSegmentCounts(db.DataSource).RecountAsync("ws", "seg", ct);
        await using (var journal = JournalOn(db.DataSource))
        {
            await journal.CommitAsync(Change("late", "seg", entered: true), ct);
        }

        Assert.True(await new PostgresSegmentDefinitionStore(db.DataSource).DeleteAsync("ws", "seg", ct));

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM segment_counts WHERE segment_id = 'seg'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM segment_count_slots WHERE segment_id = 'seg'"));
        Assert.Equal(25L, await new PostgresSegmentCounts(db.DataSource).CountAsync("ws", "kept", ct));
    }

    [Fact]
    public async Task DeleteSegment_WhileTwoJournalsCountIt_LeavesNoCountRowBehind()
    {
        await using var db = await WithSegmentsAsync("counts_delete_busy", "gone", "kept");
        await using var silo1 = Silo(db, "silo1");
        await using var silo2 = Silo(db, "silo2");
        var journals = new[] { JournalOn(silo1), JournalOn(silo2) };
        var ct = TestContext.Current.CancellationToken;
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var committed = 0;

        // Customers keep entering both segments on either journal while one of them is deleted.
        var writers = Enumerable.Range(0, 600).Select(async c =>
        {
            await journals[c % 2].CommitAsync(Change($"c{c}", c % 2 == 0 ? "gone" : "kept", entered: true), ct);
            if (Interlocked.Increment(ref committed) == 300)
            {
                halfway.SetResult();
            }
        });
        var deletion = Task.Run(async () =>
        {
            await halfway.Task;
            return await new PostgresSegmentDefinitionStore(db.DataSource).DeleteAsync("ws", "gone", ct);
        }, ct);
        await Task.WhenAll(writers.Append(deletion));
        foreach (var journal in journals)
        {
            await journal.DisposeAsync();
        }

        Assert.True(await deletion);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM segment_count_totals WHERE segment_id = 'gone'"));
        Assert.Equal(300L, await new PostgresSegmentCounts(db.DataSource).CountAsync("ws", "kept", ct));
    }
}
