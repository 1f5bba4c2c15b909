using Npgsql;

namespace ActorSegments.LockWaits;

/// <summary>
/// Samples what the sessions of one application name wait on (<c>pg_stat_activity</c>, and <c>pg_locks</c> for lock
/// requests not granted) at a fixed period until stopped.
/// </summary>
internal sealed class LockWaitSampler(NpgsqlDataSource dataSource, string applicationName, TimeSpan period)
{
    private const string Sample = """
        SELECT a.state, coalesce(a.wait_event_type, ''), coalesce(a.wait_event, ''),
               EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted)
        FROM pg_stat_activity a
        WHERE a.application_name = $1 AND a.backend_type = 'client backend'
        """;

    public async Task<LockWaitCounts> RunAsync(CancellationToken stop)
    {
        var counts = new LockWaitCounts();
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(Sample, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = applicationName });
        await command.PrepareAsync(CancellationToken.None);
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                counts.Samples++;
                await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    counts.Add(reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load is over.
        }

        return counts;
    }
}
