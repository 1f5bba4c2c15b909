using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Segments;

/// <summary>
/// Live member counts: a segment's base row in <c>segment_counts</c> plus the rows journal transactions add to in
/// <c>segment_count_slots</c>, one per backend (see migration 0012 for why, and the view that adds them up).
/// </summary>
public sealed class PostgresSegmentCounts(NpgsqlDataSource dataSource) : ISegmentCounts
{
    // The rows of backends that have ended move into the base rows, each with its whole value in this one statement,
    // so a count read at any moment is the same before and after. Rows another transaction holds are skipped (their
    // turn comes next time), so the fold never waits on a journal transaction; the base rows are taken in key order,
    // as a silo of the version before the slots takes them. Rows of deleted segments are dropped.
    private const string Fold = """
        WITH gone AS (
            DELETE FROM segment_count_slots c
            USING (SELECT workspace_id, segment_id, slot FROM segment_count_slots f
                   WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = f.slot)
                   FOR UPDATE SKIP LOCKED) AS ended
            WHERE c.workspace_id = ended.workspace_id AND c.segment_id = ended.segment_id AND c.slot = ended.slot
            RETURNING c.workspace_id, c.segment_id, c.members),
        added AS (
            INSERT INTO segment_counts (workspace_id, segment_id, members)
            SELECT workspace_id, segment_id, sum(members)::bigint FROM gone g
            WHERE EXISTS (SELECT 1 FROM segment_definitions d WHERE d.workspace_id = g.workspace_id AND d.segment_id = g.segment_id)
            GROUP BY workspace_id, segment_id
            ORDER BY workspace_id, segment_id
            ON CONFLICT (workspace_id, segment_id) DO UPDATE SET members = segment_counts.members + excluded.members)
        SELECT count(*) FROM gone
        """;

    public async Task<long> CountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT members FROM segment_count_totals WHERE workspace_id = $1 AND segment_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long count ? count : 0;
    }

    public async Task<long> RecountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        // The count lock waits for journal transactions counting this segment to commit and holds back those that
        // come later; the base row, locked before counting, does the same for silos of the version before the slots.
        // Each statement reads what committed before it started, so the members counted are exactly the changes of
        // the slots deleted and of the base row replaced, and later changes add on top.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var steps = new NpgsqlBatch(connection, transaction))
        {
            steps.BatchCommands.Add(Command(SegmentCountLocks.Exclusive, workspaceId, segmentId));
            steps.BatchCommands.Add(Command("DELETE FROM segment_count_slots WHERE workspace_id = $1 AND segment_id = $2", workspaceId, segmentId));
            steps.BatchCommands.Add(Command("""
                INSERT INTO segment_counts (workspace_id, segment_id, members) VALUES ($1, $2, 0)
                ON CONFLICT (workspace_id, segment_id) DO UPDATE SET members = segment_counts.members
                """, workspaceId, segmentId));
            await steps.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var recount = new NpgsqlBatch(connection, transaction);
        recount.BatchCommands.Add(Command("""
            UPDATE segment_counts SET members = (SELECT count(*) FROM segment_members WHERE workspace_id = $1 AND segment_id = $2)
            WHERE workspace_id = $1 AND segment_id = $2
            RETURNING members
            """, workspaceId, segmentId));
        var members = (long)(await recount.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return members;
    }

    /// <summary>
    /// Moves the count slots of backends that have ended into the base counts (the counts stay the same) and returns
    /// how many slots it moved. Slots of live backends stay, so the slots stay about one per segment and live backend.
    /// </summary>
    public async Task<long> FoldAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Fold);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static NpgsqlBatchCommand Command(string sql, string workspaceId, string segmentId)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        return command;
    }
}
