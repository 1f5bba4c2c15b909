using ActorSegments.Postgres.Segments;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ActorSegments.Postgres.Journal;

/// <summary>
/// Folds the count slots of backends that have ended into the base counts (<see cref="PostgresSegmentCounts.FoldAsync"/>):
/// once when the journal starts, for the slots earlier processes left behind, then every
/// <see cref="JournalOptions.CountFoldInterval"/> for connections the pool has closed since. Every silo folds; two folds
/// at once skip each other's rows, so that costs nothing but the scan.
/// </summary>
internal sealed partial class CountSlotFolding : IAsyncDisposable
{
    private readonly PostgresSegmentCounts _counts;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public CountSlotFolding(NpgsqlDataSource dataSource, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(JournalOptions.CountFoldInterval));
        _counts = new PostgresSegmentCounts(dataSource);
        _interval = interval;
        _time = time;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (true)
        {
            try
            {
                await _counts.FoldAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Nothing is lost while folds fail (the slots still add up); the slots only stay until one succeeds.
                LogFoldFailed(_logger, ex, _interval);
            }

            try
            {
                await Task.Delay(_interval, _time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folding the segment count slots of ended connections failed; retrying in {Interval}")]
    private static partial void LogFoldFailed(ILogger logger, Exception exception, TimeSpan interval);
}
