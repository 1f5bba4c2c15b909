using ActorSegments.Postgres.Migrations;
using ActorSegments.Postgres.Segments;
using ActorSegments.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static ActorSegments.Postgres.Tests.Counts.CountsDatabase;

namespace ActorSegments.Postgres.Tests.Counts;

public sealed class SegmentCountsUpgradeTests
{
    // The schema before the count slots, and the statement journal transactions of that version add their changes with.
    private const int VersionBeforeSlots = 10;

    private const string AddToCountsBeforeSlots = """
        INSERT INTO segment_counts (workspace_id, segment_id, members)
        SELECT w, s, d FROM unnest($1::text[], $2::text[], $3::bigint[]) AS x(w, s, d)
        WHERE EXISTS (SELECT 1 FROM segment_definitions sd WHERE sd.workspace_id = x.w AND sd.segment_id = x.s)
        ORDER BY w, s
        ON CONFLICT (workspace_id, segment_id) DO UPDATE SET members = segment_counts.members + excluded.members
        """;

    [Fact]
    public async Task Upgrade_OfCountsWrittenBeforeTheSlots_KeepsThemAndOldSilosStillAdd()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("counts_upgrade");
        var migrator = new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance);
        var ct = TestContext.Current.CancellationToken;
        await migrator.MigrateAsync(VersionBeforeSlots, ct);
        await DefineAsync(db, "a", "b");
        await AddBeforeSlotsAsync(db, ["a", "b"], [5, 3]);
        await AddBeforeSlotsAsync(db, ["a"], [-1]);

        await migrator.MigrateAsync(ct);

        var counts = new PostgresSegmentCounts(db.DataSource);
        Assert.Equal((4L, 3L), (await counts.CountAsync("ws", "a", ct), await counts.CountAsync("ws", "b", ct)));
        // A silo of the previous version, still running during a rolling upgrade, adds to the same counts.
        await AddBeforeSlotsAsync(db, ["a"], [2]);
        await using (var journal = JournalOn(db.DataSource))
        {
            await journal.CommitAsync(Change("new", "a", entered: true), ct);
        }

        Assert.Equal(7L, await counts.CountAsync("ws", "a", ct));
    }

    private static async Task AddBeforeSlotsAsync(TestDatabase db, string[] segments, long[] deltas)
    {
        await using var command = db.DataSource.CreateCommand(AddToCountsBeforeSlots);
        command.Parameters.Add(new NpgsqlParameter { Value = segments.Select(_ => "ws").ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = segments });
        command.Parameters.Add(new NpgsqlParameter { Value = deltas });
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
