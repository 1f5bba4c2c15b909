using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ActorSegments.Postgres.Segments;

/// <summary>
/// Feed signals across servers: every journal transaction that logs membership changes notifies the channel with
/// each workspace it touched (<c>pg_notify</c>, delivered at commit); one connection per server listens and wakes its
/// local readers. Started by the first reader; after a lost connection everyone is woken to re-read, since
/// notifications may have been missed.
/// </summary>
public sealed partial class PostgresFeedSignal(NpgsqlDataSource dataSource, ILogger<PostgresFeedSignal> logger) : IFeedSignal, IAsyncDisposable
{
    /// <summary>The notification channel the journal writer signals on.</summary>
    public const string Channel = "actorsegments_feed";

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly FeedSignals _signals = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _listening;

    public Task NextSignal(string workspaceId)
    {
        if (_listening is null)
        {
            lock (_gate)
            {
                _listening ??= Task.Run(() => ListenAsync(_stopping.Token));
            }
        }

        return _signals.NextSignal(workspaceId);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_listening is not null)
        {
            await _listening.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stopping).ConfigureAwait(false);
                try
                {
                    connection.Notification += (_, notification) => _signals.Signal(notification.Payload);
                    await ExecuteAsync(connection, $"LISTEN {Channel}", stopping).ConfigureAwait(false);
                    _signals.SignalAll(); // whatever was committed before listening began
                    while (!stopping.IsCancellationRequested)
                    {
                        await connection.WaitAsync(stopping).ConfigureAwait(false);
                    }
                }
                finally
                {
                    // The pool does not reset connections (PostgresDataSource): one still listening must not go back.
                    await UnlistenAsync(connection).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                LogListenFailed(ex);
                _signals.SignalAll();
                try
                {
                    await Task.Delay(RetryAfter, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static async Task UnlistenAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
        {
            return; // broken or closed: it will not be handed out again
        }

        try
        {
            await ExecuteAsync(connection, "UNLISTEN *", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException)
        {
            // The connection failed on the way out, and a failed connection is not reused either.
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for membership feed signals failed; readers fall back to polling until it reconnects.")]
    private partial void LogListenFailed(Exception exception);
}
