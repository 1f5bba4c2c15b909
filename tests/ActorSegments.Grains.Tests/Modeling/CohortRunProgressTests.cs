using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Modeling.Cohorts;
using ActorSegments.InMemory;

namespace ActorSegments.Grains.Tests.Modeling;

public sealed class CohortRunProgressTests
{
    /// <summary>
    /// Push progress is saved without waiting; when its save is slow and the run finishes meanwhile, the record must
    /// still end finished. (A progress save that landed after the final one left a million-customer run "running".)
    /// </summary>
    [Fact]
    public async Task ASlowProgressSave_CannotPutAFinishedRunBackToRunning()
    {
        var store = new SlowFirstSaveStore();
        var run = CohortRun.Start("ws", 1, "manual", DateTimeOffset.UtcNow) with { Phase = CohortRunPhases.Pushing, Customers = 10, Changed = 10 };
        using var progress = new CohortRunProgress(store, run, TimeProvider.System);

        var pushed = progress.PushedAsync(10);
        var finished = progress.FinishAsync(CohortRunStatus.Succeeded, null, TestContext.Current.CancellationToken);
        store.ReleaseFirstSave();
        await Task.WhenAll(pushed, finished);

        var saved = await store.GetRunAsync("ws", 1, TestContext.Current.CancellationToken);
        Assert.Equal((CohortRunStatus.Succeeded, 10L, "done"), (saved!.Status, saved.Pushed, saved.Phase));
    }

    /// <summary>Holds its first save until released, then writes it after whatever came meanwhile would have.</summary>
    private sealed class SlowFirstSaveStore : ICohortStore
    {
        private readonly InMemoryCohortStore _inner = new();
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _saves;

        public void ReleaseFirstSave() => _release.TrySetResult();

        public async Task SaveRunAsync(CohortRun run, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _saves) == 1)
            {
                await _release.Task;
                await Task.Delay(50, cancellationToken); // let a save that did not wait for this one land first
            }

            await _inner.SaveRunAsync(run, cancellationToken);
        }

        public Task<long> NextRunIdAsync(string workspaceId, CancellationToken cancellationToken = default) => _inner.NextRunIdAsync(workspaceId, cancellationToken);

        public Task<CohortRun?> GetRunAsync(string workspaceId, long runId, CancellationToken cancellationToken = default) => _inner.GetRunAsync(workspaceId, runId, cancellationToken);

        public Task<IReadOnlyList<CohortRun>> ListRunsAsync(string workspaceId, int limit, CancellationToken cancellationToken = default) => _inner.ListRunsAsync(workspaceId, limit, cancellationToken);

        public Task<CohortRun?> LatestSucceededAsync(string workspaceId, CancellationToken cancellationToken = default) => _inner.LatestSucceededAsync(workspaceId, cancellationToken);

        public IAsyncEnumerable<CohortAssignment> ReadAssignmentsAsync(string workspaceId, CancellationToken cancellationToken = default) => _inner.ReadAssignmentsAsync(workspaceId, cancellationToken);

        public Task UpdateAssignmentsAsync(string workspaceId, IAsyncEnumerable<CohortAssignment> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken = default) => _inner.UpdateAssignmentsAsync(workspaceId, changed, removed, cancellationToken);

        public Task<CohortSettings> GetSettingsAsync(string workspaceId, CancellationToken cancellationToken = default) => _inner.GetSettingsAsync(workspaceId, cancellationToken);

        public Task SaveSettingsAsync(string workspaceId, CohortSettings settings, CancellationToken cancellationToken = default) => _inner.SaveSettingsAsync(workspaceId, settings, cancellationToken);
    }
}
