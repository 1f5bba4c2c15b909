using System.Diagnostics;
using Npgsql;

namespace ActorSegments.SqlBaseline;

/// <summary>What one full refresh cost: client wall time and the CPU seconds of the backend that ran it.</summary>
public sealed record RefreshCost(TimeSpan Wall, double BackendCpuSeconds, long Members);

/// <summary>
/// The scheduled job: recompute every segment into <c>segment_members_sql</c> in one transaction (TRUNCATE, then one
/// <c>INSERT ... SELECT</c> per segment), as of one instant. CPU is the serving backend's utime + stime from /proc
/// before and after (<c>pg_backend_pid()</c>), so it counts PostgreSQL's work only, not this client's.
/// </summary>
public static class FullRefresh
{
    public static async Task<RefreshCost> RunAsync(NpgsqlDataSource database, IReadOnlyList<SqlSegment> segments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(segments);
        await using var connection = await database.OpenConnectionAsync();
        await using var pid = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await pid.ExecuteScalarAsync())!;
        var cpuBefore = ProcessCpu.Of(backend);
        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var truncate = new NpgsqlCommand("TRUNCATE segment_members_sql", connection, transaction))
            {
                await truncate.ExecuteNonQueryAsync();
            }

            foreach (var segment in segments)
            {
                await using var insert = new NpgsqlCommand(
                    $"INSERT INTO segment_members_sql (segment_id, customer_id) SELECT DISTINCT '{segment.Id}', customer_id FROM ({segment.Query}) q",
                    connection,
                    transaction);
                insert.Parameters.AddWithValue("now", now);
                insert.CommandTimeout = 0; // a refresh takes as long as it takes; the script bounds the whole run
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        clock.Stop();
        var cpu = ProcessCpu.Of(backend) - cpuBefore;
        await using var count = new NpgsqlCommand("SELECT count(*) FROM segment_members_sql", connection);
        return new RefreshCost(clock.Elapsed, cpu, (long)(await count.ExecuteScalarAsync())!);
    }

    /// <summary>The members as of <paramref name="now"/> of each segment, without writing them (for checks).</summary>
    public static async Task<Dictionary<string, HashSet<string>>> MembersAsync(NpgsqlDataSource database, IReadOnlyList<SqlSegment> segments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(segments);
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            await using var command = database.CreateCommand(segment.Query);
            command.Parameters.AddWithValue("now", now);
            command.CommandTimeout = 0;
            var members = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                members.Add(reader.GetString(0));
            }

            result[segment.Id] = members;
        }

        return result;
    }

    /// <summary>The refreshed table as (segment, customer) pairs: what the next refresh is diffed against.</summary>
    public static async Task<HashSet<(string Segment, string Customer)>> StoredAsync(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var pairs = new HashSet<(string, string)>();
        await using var command = database.CreateCommand("SELECT segment_id, customer_id FROM segment_members_sql");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }
}
