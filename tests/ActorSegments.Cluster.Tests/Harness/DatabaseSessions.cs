using Npgsql;

namespace ActorSegments.Cluster.Tests.Harness;

/// <summary>
/// What the silos' database sessions are doing, read from PostgreSQL's own views; sessions are told apart by their
/// application name (<see cref="LocalCluster.ApplicationName"/>).
/// </summary>
internal sealed class DatabaseSessions(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _db = NpgsqlDataSource.Create(connectionString);

    /// <summary>
    /// Ids of the silo's open transactions that have written rows of customer_journal: its journal writer's, the one
    /// other silos' commits may have to wait for.
    /// </summary>
    public async Task<List<string>> JournalTransactionsAsync(Silo silo, CancellationToken ct)
    {
        await using var command = _db.CreateCommand("""
            SELECT DISTINCT a.backend_xid::text FROM pg_stat_activity a
            JOIN pg_locks l ON l.pid = a.pid AND l.mode = 'RowExclusiveLock' AND l.relation = 'customer_journal'::regclass
            WHERE a.application_name = $1 AND a.backend_xid IS NOT NULL
            """);
        command.Parameters.AddWithValue(LocalCluster.ApplicationName(silo.Number));
        return await LinesAsync(command, ct);
    }

    /// <summary>One line per session that holds a write transaction open or waits for a lock: by whom blocked, since when, doing what.</summary>
    public async Task<string> LockPictureAsync(CancellationToken ct)
    {
        await using var command = _db.CreateCommand("""
            SELECT format('  %s pid %s %s %s/%s blocked by %s, transaction since %s: %s', application_name, pid, state, wait_event_type,
                wait_event, pg_blocking_pids(pid), xact_start::time, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 160))
            FROM pg_stat_activity
            WHERE application_name LIKE 'silo-%' AND (backend_xid IS NOT NULL OR wait_event_type = 'Lock')
            ORDER BY application_name, pid
            """);
        return string.Join('\n', await LinesAsync(command, ct));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static async Task<List<string>> LinesAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
