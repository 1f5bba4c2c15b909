using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// The run record as a refresh advances: every phase change is saved at once; push progress at most every
/// <see cref="SaveEvery"/>, so following a run costs the store little.
/// </summary>
internal sealed class CohortRunProgress(ICohortStore store, CohortRun run, TimeProvider clock)
{
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(2);
    private readonly Lock _lock = new();
    private DateTimeOffset _savedAt = DateTimeOffset.MinValue;

    public CohortRun Run { get; private set; } = run;

    public Task PhaseAsync(string phase, Func<CohortRun, CohortRun>? change = null, CancellationToken cancellationToken = default) =>
        SaveAsync(r => (change ?? (x => x))(r with { Phase = phase }), force: true, cancellationToken);

    public Task PushedAsync(long pushed) => SaveAsync(r => r with { Pushed = pushed }, force: false, CancellationToken.None);

    public Task FinishAsync(CohortRunStatus status, string? error, CancellationToken cancellationToken = default) =>
        SaveAsync(r => r with { Status = status, Error = error, Phase = status == CohortRunStatus.Succeeded ? "done" : r.Phase, FinishedAt = clock.GetUtcNow() }, force: true, cancellationToken);

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
