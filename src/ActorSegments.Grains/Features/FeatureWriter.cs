using System.Diagnostics.Metrics;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Features;

/// <summary>
/// Carries customers' feature rows to the <see cref="IFeatureStore"/> in batches: a customer hands over its row after
/// each commit and moves on; a background loop writes what is pending every <see cref="FeatureWriterOptions.FlushInterval"/>,
/// or sooner once <see cref="FeatureWriterOptions.MaxBatch"/> rows wait. A customer that changes many times between
/// writes costs one row. Failed writes are retried with growing pauses, keeping their rows.
/// </summary>
/// <remarks>
/// The loop runs while the silo is active (a <see cref="SiloBackgroundLoop"/>, like the wake-up sweeper) and writes
/// once more when the silo stops. Rows that do not fit (<see cref="FeatureWriterOptions.MaxPending"/>) are dropped and
/// counted rather than making customers wait: the table is a cache, and each customer's next change rewrites its row.
/// </remarks>
public sealed partial class FeatureWriter : SiloBackgroundLoop
{
    public const string MeterName = "ActorSegments.Features";

    private static readonly TimeSpan DropWarningInterval = TimeSpan.FromMinutes(1);

    private readonly IFeatureStore _store;
    private readonly FeatureWriterOptions _options;
    private readonly ILogger<FeatureWriter> _logger;
    private readonly PendingFeatureRows _pending;
    private readonly Counter<long> _dropped;
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private TaskCompletionSource _wake = NewWake();
    private long _droppedSinceWarning;
    private long _nextDropWarning;

    public FeatureWriter(IFeatureStore store, IOptions<FeatureWriterOptions> options, TimeProvider clock, IMeterFactory meters, ILogger<FeatureWriter> logger)
        : base(clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _pending = new PendingFeatureRows(_options.MaxPending);
        var meter = meters.Create(MeterName);
        _dropped = meter.CreateCounter<long>("actorsegments.features.dropped", "{row}", "Feature rows dropped because too many customers' rows were waiting");
        meter.CreateObservableGauge("actorsegments.features.pending", () => _pending.Count, "{row}", "Customers whose feature rows wait to be written");
    }

    /// <summary>Customers whose rows wait to be written.</summary>
    public int Pending => _pending.Count;

    /// <summary>Hands over a customer's newest row; never waits. A row older than the one already waiting is ignored.</summary>
    public void Enqueue(string workspaceId, FeatureRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        switch (_pending.Add(workspaceId, row))
        {
            case PendingOutcome.Added when _pending.Count >= _options.MaxBatch:
                Volatile.Read(ref _wake).TrySetResult();
                break;
            case PendingOutcome.Dropped:
                CountDropped();
                break;
        }
    }

    /// <summary>Writes every row pending now (rows that arrive meanwhile may go too); fails with the store's error.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            foreach (var workspace in _pending.Snapshot())
            {
                foreach (var batch in workspace.Chunk(_options.MaxBatch))
                {
                    await _store.UpsertAsync(workspace.Key, batch, cancellationToken);
                    foreach (var row in batch)
                    {
                        _pending.Written(workspace.Key, row);
                    }
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>
    /// Drops the customer's waiting row (an erasure) and waits for a write under way, which may carry it, to end: after
    /// this no row of the customer reaches the store from this silo unless the customer hands over a new one.
    /// </summary>
    public async Task ForgetAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default)
    {
        _pending.Forget(workspaceId, customerId);
        await _flushing.WaitAsync(cancellationToken);
        _flushing.Release();
    }

    /// <summary>Once the background writes have stopped, writes what is pending within <paramref name="cancellationToken"/>.</summary>
    protected override async Task OnStoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            LogFinalFlushFailed(ex, _pending.Count);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _flushing.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (failures == 0)
            {
                // A wake that comes while the write below runs completes the next wait at once.
                var wake = Volatile.Read(ref _wake);
                await wake.Task.WaitAsync(_options.FlushInterval, Clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (wake.Task.IsCompleted)
                {
                    Interlocked.CompareExchange(ref _wake, NewWake(), wake);
                }
            }
            else
            {
                await PauseAsync(RetryDelay(failures), stoppingToken);
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await FlushAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                LogFlushFailed(ex, _pending.Count, RetryDelay(failures));
            }
        }
    }

    /// <summary>The interval, doubled per consecutive failure, up to the maximum.</summary>
    private TimeSpan RetryDelay(int failures)
    {
        var delay = _options.FlushInterval * Math.Pow(2, Math.Min(failures, 20));
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    private void CountDropped()
    {
        _dropped.Add(1);
        Interlocked.Increment(ref _droppedSinceWarning);
        var now = Clock.GetTimestamp();
        var next = Volatile.Read(ref _nextDropWarning);
        var every = (long)(DropWarningInterval.TotalSeconds * Clock.TimestampFrequency);
        if (now >= next && Interlocked.CompareExchange(ref _nextDropWarning, now + every, next) == next)
        {
            LogRowsDropped(Interlocked.Exchange(ref _droppedSinceWarning, 0), _options.MaxPending, $"{FeatureWriterOptions.SectionName}:{nameof(FeatureWriterOptions.MaxPending)}");
        }
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing feature rows failed; {Pending} customers' rows are kept and retried in {RetryDelay}")]
    private partial void LogFlushFailed(Exception exception, int pending, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing feature rows at silo stop failed; {Pending} customers' rows are left until their next change")]
    private partial void LogFinalFlushFailed(Exception exception, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Dropped {Dropped} feature rows: {MaxPending} customers' rows are already waiting to be written ({Setting}). " +
        "The dropped customers' rows are rewritten at their next change")]
    private partial void LogRowsDropped(long dropped, int maxPending, string setting);
}
