using ActorSegments.Postgres.Segments;
using ActorSegments.Testing.Storage;

namespace ActorSegments.Postgres.Tests;

public sealed class PostgresSegmentMembersTests : SegmentMembersContract<PostgresStorage>
{
    [Fact]
    public async Task Page_UnderALinguisticDefaultCollation_IsServedInOrderByThePrimaryKey()
    {
        // C.UTF-8 sorts like "C" but is not "C" to the planner, so only a byte-ordered column lets the key serve it.
        await using var db = await PostgresStorage.MigratedDatabaseAsync("members_plan", collation: "C.UTF-8");
        // Many segments, so the index by customer (which would leave the segment to a filter) is not a fair choice.
        await db.ExecuteAsync("INSERT INTO segment_members SELECT 'w', 's' || (i % 20), 'c' || i, now() FROM generate_series(1, 2000) i; ANALYZE segment_members");

        var plan = await QueryPlan.ExplainAsync(db, PostgresSegmentMembers.PageSql, "w", "s1", "c1", 100);

        Assert.Contains("Index Scan using segment_members_pkey", plan, StringComparison.Ordinal);
        Assert.Contains("(customer_id > 'c1'::text)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }
}
