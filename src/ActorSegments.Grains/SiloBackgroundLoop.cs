namespace ActorSegments.Grains;

/// <summary>
/// Work a silo runs in the background while it is active (the wake-up sweeper, the feature writer, the cohort
/// schedule, the webhook keeper, the privacy passes): started when the silo becomes active and stopped, and waited
/// for, before the silo begins deactivating grains, so the work never outlives the silo it asks things of.
/// </summary>
/// <remarks>
/// Pauses run on the injected <see cref="TimeProvider"/>, the one the silo's grains read, so a fake clock drives a
/// loop in tests as it drives the customers.
/// </remarks>
/// <param name="clock">The clock the loop pauses on and reads.</param>
public abstract class SiloBackgroundLoop(TimeProvider clock) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

    /// <summary>The clock the loop pauses on and reads.</summary>
    protected TimeProvider Clock { get; } = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>Whether to run at all (a loop switched off by configuration does not start).</summary>
    protected virtual bool Enabled => true;

    public void Participate(ISiloLifecycle observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observer.Subscribe(GetType().Name, ServiceLifecycleStage.Active, StartAsync, StopAsync);
    }

    /// <summary>Starts the loop (the silo does this when it becomes active).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Enabled && _stopping is null)
        {
            _stopping = new CancellationTokenSource();
            var stoppingToken = _stopping.Token;
            _running = Task.Run(() => RunAsync(stoppingToken), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops the loop and waits for it to end (within <paramref name="cancellationToken"/>), then runs
    /// <see cref="OnStoppedAsync"/>.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _stopping = null;
        await OnStoppedAsync(cancellationToken);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The work, until <paramref name="stoppingToken"/> is cancelled.</summary>
    protected abstract Task RunAsync(CancellationToken stoppingToken);

    /// <summary>
    /// Last work once the loop has ended and before the silo deactivates grains (the feature writer writes what is
    /// still pending), within <paramref name="cancellationToken"/>; nothing by default.
    /// </summary>
    protected virtual Task OnStoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits <paramref name="pause"/> on <see cref="Clock"/>; ends early, without throwing, when stopped.</summary>
    protected async Task PauseAsync(TimeSpan pause, CancellationToken stoppingToken) =>
        await Task.Delay(pause, Clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>
    /// Runs <paramref name="batch"/> until stopped: a batch that came back full (<paramref name="fullBatch"/> items) is
    /// followed at once, a smaller one (or a failure, reported to <paramref name="failed"/>) after <paramref name="pause"/>.
    /// </summary>
    protected async Task RunBatchesAsync(Func<CancellationToken, Task<int>> batch, int fullBatch, TimeSpan pause, Action<Exception> failed, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(failed);
        while (!stoppingToken.IsCancellationRequested)
        {
            var done = 0;
            try
            {
                done = await batch(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failed(ex);
            }

            if (done < fullBatch)
            {
                await PauseAsync(pause, stoppingToken);
            }
        }
    }

    /// <summary>Releases what the loop holds; a subclass that holds more overrides this and calls it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping?.Dispose();
        }
    }
}
