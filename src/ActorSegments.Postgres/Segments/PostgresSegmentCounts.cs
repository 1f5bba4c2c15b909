using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Segments;

/// <summary>Live member counts in <c>segment_counts</c> (see the migration for how they stay exact).</summary>
public sealed class PostgresSegmentCounts(NpgsqlDataSource dataSource) : ISegmentCounts
{
    public async Task<long> CountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT members FROM segment_counts WHERE workspace_id = $1 AND segment_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        return await command.ExecuteScalarAsync(cancellationToken) is long count ? count : 0;
    }

    public async Task<long> RecountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        // Taking the count row first makes journal transactions that commit members meanwhile wait and add their
        // change on top of the recount, so none is counted twice or missed.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var ensure = new NpgsqlCommand("""
            INSERT INTO segment_counts (workspace_id, segment_id, members) VALUES ($1, $2, 0)
            ON CONFLICT (workspace_id, segment_id) DO UPDATE SET members = segment_counts.members
            """, connection, transaction))
        {
            ensure.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
            ensure.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var recount = new NpgsqlCommand("""
            UPDATE segment_counts SET members = (SELECT count(*) FROM segment_members WHERE workspace_id = $1 AND segment_id = $2)
            WHERE workspace_id = $1 AND segment_id = $2
            RETURNING members
            """, connection, transaction);
        recount.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        recount.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        var members = (long)(await recount.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return members;
    }
}
