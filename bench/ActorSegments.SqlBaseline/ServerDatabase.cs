using Npgsql;

namespace ActorSegments.SqlBaseline;

/// <summary>Membership lag of one cause: seconds from the instant a membership changed to its commit in the log.</summary>
public sealed record LogLag(string Cause, long Changes, double AverageSeconds, double P99Seconds, double MaxSeconds);

/// <summary>
/// Reads what the ActorSegments server wrote to its own database: the membership log (every enter and exit, with
/// the instant it happened and when it was committed) and the current members.
/// </summary>
public sealed class ServerDatabase(NpgsqlDataSource database, string workspace)
{
    /// <summary>The log's last position (0 when empty): membership changes are the rows after a position.</summary>
    public async Task<long> LogPositionAsync()
    {
        await using var command = database.CreateCommand("SELECT coalesce(max(position), 0) FROM membership_log");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> ChangesBetweenAsync(long after, long upTo)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM membership_log WHERE workspace_id = @w AND position > @a AND position <= @b");
        command.Parameters.AddWithValue("w", workspace);
        command.Parameters.AddWithValue("a", after);
        command.Parameters.AddWithValue("b", upTo);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Waits until the log stops growing (no new row for <paramref name="quiet"/>), so that every change the sent
    /// events cause has been committed; returns the final position. Bounded by <paramref name="limit"/>.
    /// </summary>
    public async Task<long> SettleAsync(TimeSpan quiet, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var position = await LogPositionAsync();
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < quiet && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            var now = await LogPositionAsync();
            if (now != position)
            {
                (position, since) = (now, DateTime.UtcNow);
            }
        }

        return position;
    }

    /// <summary>Lag from change to commit per cause (1 = event, 2 = time), over the log rows after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<LogLag>> LagAsync(long after, long upTo)
    {
        await using var command = database.CreateCommand("""
            SELECT CASE cause WHEN 1 THEN 'event' WHEN 2 THEN 'time' ELSE 'other' END, count(*),
                   avg(lag), percentile_cont(0.99) WITHIN GROUP (ORDER BY lag), max(lag)
            FROM (SELECT cause, extract(epoch from logged_at - changed_at)::float8 AS lag FROM membership_log
                  WHERE workspace_id = @w AND position > @a AND position <= @b) l
            GROUP BY 1 ORDER BY 1
            """);
        command.Parameters.AddWithValue("w", workspace);
        command.Parameters.AddWithValue("a", after);
        command.Parameters.AddWithValue("b", upTo);
        var result = new List<LogLag>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(new LogLag(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4)));
        }

        return result;
    }

    /// <summary>The current members of every segment of the workspace.</summary>
    public async Task<Dictionary<string, HashSet<string>>> MembersAsync()
    {
        await using var command = database.CreateCommand("SELECT segment_id, customer_id FROM segment_members WHERE workspace_id = @w");
        command.Parameters.AddWithValue("w", workspace);
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var segment = reader.GetString(0);
            if (!result.TryGetValue(segment, out var members))
            {
                result[segment] = members = new HashSet<string>(StringComparer.Ordinal);
            }

            members.Add(reader.GetString(1));
        }

        return result;
    }

    /// <summary>Memberships in one snapshot and not the other, either way: the net enters and exits between them.</summary>
    public static long Difference(IReadOnlyDictionary<string, HashSet<string>> before, IReadOnlyDictionary<string, HashSet<string>> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        long Missing(IReadOnlyDictionary<string, HashSet<string>> from, IReadOnlyDictionary<string, HashSet<string>> to) =>
            from.Sum(s => (long)s.Value.Count(c => to.GetValueOrDefault(s.Key)?.Contains(c) != true));
        return Missing(before, after) + Missing(after, before);
    }
}
