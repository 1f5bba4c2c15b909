using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Segments;

/// <summary>Member pages and overlaps read from <c>segment_members</c>.</summary>
public sealed class PostgresSegmentMembers(NpgsqlDataSource dataSource) : ISegmentMembers
{
    // COLLATE "C" is the column's own collation (migration 0009), so the primary key serves both the range and the
    // order; spelled out so the byte order does not hang on the schema alone.
    internal const string PageSql = """
        SELECT customer_id, since FROM segment_members
        WHERE workspace_id = $1 AND segment_id = $2 AND customer_id COLLATE "C" > $3
        ORDER BY customer_id COLLATE "C"
        LIMIT $4
        """;

    // One pass over the members of the segments: per segment for the sizes, per customer for how many of the
    // segments hold it (all of them: intersection; any: union). Every requested segment gets a row, 0 when empty.
    private const string OverlapSql = """
        WITH m AS MATERIALIZED (
            SELECT segment_id, customer_id FROM segment_members WHERE workspace_id = $1 AND segment_id = ANY($2)
        ),
        sizes AS (SELECT segment_id, count(*) AS members FROM m GROUP BY segment_id),
        per_customer AS (SELECT count(*) AS segments FROM m GROUP BY customer_id),
        totals AS (SELECT count(*) FILTER (WHERE segments = cardinality($2)) AS intersection, count(*) AS union_count FROM per_customer)
        SELECT ids.segment_id, coalesce(sizes.members, 0), totals.intersection, totals.union_count
        FROM unnest($2) AS ids(segment_id)
        LEFT JOIN sizes USING (segment_id)
        CROSS JOIN totals
        """;

    public async Task<IReadOnlyList<SegmentMember>> PageAsync(string workspaceId, string segmentId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand(PageSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = afterCustomerId ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var members = new List<SegmentMember>(limit);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            members.Add(new SegmentMember(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return members;
    }

    public async Task<SegmentOverlap> OverlapAsync(string workspaceId, IReadOnlyList<string> segmentIds, CancellationToken cancellationToken = default)
    {
        // A segment named twice is still one set; counting it twice would empty the intersection.
        string[] distinct = [.. segmentIds.Distinct(StringComparer.Ordinal)];
        await using var command = dataSource.CreateCommand(OverlapSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = distinct });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long intersection = 0, union = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sizes[reader.GetString(0)] = reader.GetInt64(1);
            (intersection, union) = (reader.GetInt64(2), reader.GetInt64(3));
        }

        return new SegmentOverlap(sizes, intersection, union);
    }
}
