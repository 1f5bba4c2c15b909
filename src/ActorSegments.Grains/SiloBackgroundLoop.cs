namespace ActorSegments.Grains;

/// <summary>
/// Work a silo runs in the background while it is active (the wake-up sweeper, the cohort schedule, the webhook
/// keeper): started when the silo becomes active and stopped, and waited for, before the silo begins deactivating
/// grains, so the work never outlives the silo it asks things of.
/// </summary>
public abstract class SiloBackgroundLoop : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

    public void Participate(ISiloLifecycle observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observer.Subscribe(GetType().Name, ServiceLifecycleStage.Active, Start, StopAsync);
    }

    public void Dispose()
    {
        _stopping?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Whether to run at all (a loop switched off by configuration does not start).</summary>
    protected virtual bool Enabled => true;

    /// <summary>The work, until <paramref name="stoppingToken"/> is cancelled.</summary>
    protected abstract Task RunAsync(CancellationToken stoppingToken);

    /// <summary>
    /// Runs <paramref name="batch"/> until stopped: a batch that came back full (<paramref name="fullBatch"/> items) is
    /// followed at once, a smaller one (or a failure, reported to <paramref name="failed"/>) after <paramref name="pause"/>
    /// on the wall clock.
    /// </summary>
    protected static async Task RunBatchesAsync(Func<CancellationToken, Task<int>> batch, int fullBatch, TimeSpan pause, Action<Exception> failed, CancellationToken stoppingToken)
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
                await Task.Delay(pause, TimeProvider.System, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private Task Start(CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            _stopping = new CancellationTokenSource();
            _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _stopping = null;
    }
}
