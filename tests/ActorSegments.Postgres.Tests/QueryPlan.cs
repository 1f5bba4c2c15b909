using ActorSegments.Testing;
using Npgsql;

namespace ActorSegments.Postgres.Tests;

/// <summary>The plan PostgreSQL picks for a query when it must use an index if one can serve it at all.</summary>
internal static class QueryPlan
{
    public static async Task<string> ExplainAsync(TestDatabase db, string sql, params object[] values)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        // An empty table is cheapest to scan whole; ruling that out shows whether an index serves range and order.
        await using (var settings = new NpgsqlCommand("SET enable_seqscan = off; SET enable_bitmapscan = off", connection))
        {
            await settings.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var explain = new NpgsqlCommand($"EXPLAIN (COSTS OFF) {sql}", connection);
        foreach (var value in values)
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
