namespace ActorSegments.Server.Lifecycle;

/// <summary>
/// Whether this server takes API calls, and how many it is serving. Stopping goes in two steps: first it reports
/// not-ready (health checks fail, so routing moves away) while still serving; then it refuses new calls, ends its
/// long-lived streams, and the calls in flight are waited for before the silo stops under them.
/// </summary>
public sealed class ServingGate : IDisposable
{
    private readonly CancellationTokenSource _refusing = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private volatile bool _ready = true;

    /// <summary>False from the moment stopping began.</summary>
    public bool IsReady => _ready;

    /// <summary>Cancelled when new calls are refused: streams that would otherwise run forever end on it.</summary>
    public CancellationToken Refusing => _refusing.Token;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Admits a call, or returns false once calls are refused; an admitted call must call <see cref="Leave"/>.</summary>
    public bool TryEnter()
    {
        Interlocked.Increment(ref _inFlight);
        if (!_refusing.IsCancellationRequested)
        {
            return true;
        }

        Leave();
        return false;
    }

    public void Leave()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && _refusing.IsCancellationRequested)
        {
            _idle.TrySetResult();
        }
    }

    public void StopReporting() => _ready = false;

    /// <summary>Refuses new calls and completes when the admitted ones have left, or when <paramref name="timeout"/> passed (false).</summary>
    public async Task<bool> RefuseAndDrainAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        _ready = false;
        await _refusing.CancelAsync();
        // A call entering now sees the refusal and leaves at once; the count reaching zero ends the wait.
        if (Volatile.Read(ref _inFlight) == 0)
        {
            _idle.TrySetResult();
        }

        try
        {
            await _idle.Task.WaitAsync(timeout, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Dispose() => _refusing.Dispose();
}
