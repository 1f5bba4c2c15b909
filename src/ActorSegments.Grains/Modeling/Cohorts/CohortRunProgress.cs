using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// The run record as a refresh advances: every phase change is saved at once, with the time the phase that ended
/// took; push progress at most every <see cref="SaveEvery"/>, so following a run costs the store little.
/// </summary>
/// <remarks>
/// Saves go one at a time and each writes the newest record, not the one of the moment it was asked for: push
/// progress is saved without waiting, and a progress save that overtook the final one had put a finished run back to
/// "running" for good.
/// </remarks>
internal sealed class CohortRunProgress(ICohortStore store, CohortRun run, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(2);
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _saving = new(1, 1);
    private DateTimeOffset _savedAt = DateTimeOffset.MinValue;
    private long _phaseStarted = clock.GetTimestamp();

    public CohortRun Run { get; private set; } = run;

    public Task PhaseAsync(string phase, Func<CohortRun, CohortRun>? change = null, CancellationToken cancellationToken = default) =>
        SaveAsync(r => (change ?? (x => x))(PhaseEnded(r) with { Phase = phase }), force: true, cancellationToken);

    /// <summary>Records push progress; a failed save is only a missed progress update (the next one, or the end, writes it).</summary>
    public async Task PushedAsync(long pushed)
    {
        try
        {
            await SaveAsync(r => r with { Pushed = pushed }, force: false, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nothing to do: progress is advisory and the final save carries the count.
        }
    }

    public void Dispose() => _saving.Dispose();

    public Task FinishAsync(CohortRunStatus status, string? error, CancellationToken cancellationToken = default) =>
        SaveAsync(r => PhaseEnded(r) with { Status = status, Error = error, Phase = status == CohortRunStatus.Succeeded ? CohortRunPhases.Done : r.Phase, FinishedAt = clock.GetUtcNow() }, force: true, cancellationToken);

    /// <summary>The run with the current phase's duration recorded; the next phase starts now. Called under the lock.</summary>
    private CohortRun PhaseEnded(CohortRun current)
    {
        var now = clock.GetTimestamp();
        var seconds = clock.GetElapsedTime(_phaseStarted, now).TotalSeconds;
        _phaseStarted = now;
        var phases = new Dictionary<string, double>(current.PhaseSeconds ?? new Dictionary<string, double>(), StringComparer.Ordinal);
        phases[current.Phase] = phases.GetValueOrDefault(current.Phase) + seconds;
        return current with { PhaseSeconds = phases };
    }

    private async Task SaveAsync(Func<CohortRun, CohortRun> change, bool force, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Run = change(Run);
            var now = clock.GetUtcNow();
            if (!force && now - _savedAt < SaveEvery)
            {
                return;
            }

            _savedAt = now;
        }

        await _saving.WaitAsync(cancellationToken);
        try
        {
            CohortRun newest;
            lock (_lock)
            {
                newest = Run;
            }

            await store.SaveRunAsync(newest, cancellationToken);
        }
        finally
        {
            _saving.Release();
        }
    }
}
