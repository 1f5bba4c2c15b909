using ActorSegments.Domain.Storage;
using ActorSegments.Postgres.Segments;
using ActorSegments.Testing.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Tests;

public sealed class PostgresMembershipFeedTests : MembershipFeedContract<PostgresStorage>
{
    private static string Insert(string customer) =>
        $"INSERT INTO membership_log (workspace_id, segment_id, customer_id, entered, changed_at, cause) VALUES ('w', 's', '{customer}', true, now(), 1)";

    [Fact]
    public async Task Read_WhileAnOlderTransactionIsOpen_HoldsBackALaterCommitThenReturnsBothInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await PostgresStorage.MigratedDatabaseAsync("feed_open_tx");
        var feed = new PostgresMembershipFeed(db.DataSource);
        await db.ExecuteAsync(Insert("first"));
        await PostgresStorage.SettledAsync(db);

        // "slow" takes the smaller position but commits after "fast": a cursor on position alone would skip it.
        await using var connection = await db.DataSource.OpenConnectionAsync(ct);
        await using var slow = await connection.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand(Insert("slow"), connection, slow))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }

        await db.ExecuteAsync(Insert("fast"));
        var head = await feed.HeadAsync("w", ct);
        var before = await feed.ReadAsync("w", "s", FeedCursor.Start, 100, ct);
        await slow.CommitAsync(ct);
        await PostgresStorage.SettledAsync(db);
        var after = await feed.ReadAsync("w", "s", before.Next, 100, ct);
        var fromHead = await feed.ReadAsync("w", "s", head, 100, ct);

        Assert.Equal(["first"], before.Changes.Select(c => c.CustomerId));
        Assert.Equal(["slow", "fast"], after.Changes.Select(c => c.CustomerId));
        Assert.True(after.Changes[0].Cursor.Position < after.Changes[1].Cursor.Position);
        Assert.Equal(after.Changes, fromHead.Changes);
        Assert.True(before.Changes[0].Cursor <= head);
    }

    [Fact]
    public async Task Read_IsOneIndexRangeScanInFeedOrder()
    {
        await using var db = await PostgresStorage.MigratedDatabaseAsync("feed_plan");

        var plan = await QueryPlan.ExplainAsync(db, PostgresMembershipFeed.ReadSql, "w", "s", "0", 0L, 100);

        Assert.Contains("ix_membership_log_feed", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }
}
