using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// The run record as a refresh advances: every phase change is saved at once, with the time the phase that ended
/// took; push progress at most every <see cref="SaveEvery"/>, so following a run costs the store little.
/// </summary>
internal sealed class CohortRunProgress(ICohortStore store, CohortRun run, TimeProvider clock)
{
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(2);
    private readonly Lock _lock = new();
    private DateTimeOffset _savedAt = DateTimeOffset.MinValue;
    private long _phaseStarted = clock.GetTimestamp();

    public CohortRun Run { get; private set; } = run;

    public Task PhaseAsync(string phase, Func<CohortRun, CohortRun>? change = null, CancellationToken cancellationToken = default) =>
        SaveAsync(r => (change ?? (x => x))(PhaseEnded(r) with { Phase = phase }), force: true, cancellationToken);

    public Task PushedAsync(long pushed) => SaveAsync(r => r with { Pushed = pushed }, force: false, CancellationToken.None);

    public Task FinishAsync(CohortRunStatus status, string? error, CancellationToken cancellationToken = default) =>
        SaveAsync(r => PhaseEnded(r) with { Status = status, Error = error, Phase = status == CohortRunStatus.Succeeded ? "done" : r.Phase, FinishedAt = clock.GetUtcNow() }, force: true, cancellationToken);

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

    private Task SaveAsync(Func<CohortRun, CohortRun> change, bool force, CancellationToken cancellationToken)
    {
        CohortRun snapshot;
        lock (_lock)
        {
            Run = change(Run);
            var now = clock.GetUtcNow();
            if (!force && now - _savedAt < SaveEvery)
            {
                return Task.CompletedTask;
            }

            _savedAt = now;
            snapshot = Run;
        }

        return store.SaveRunAsync(snapshot, cancellationToken);
    }
}
