using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Modeling;
using ActorSegments.Grains.Modeling.Cohorts;
using ActorSegments.InMemory;
using ActorSegments.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Grains.Tests.Loops;

public sealed class CohortSchedulerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Schedule_CheckInterval_IsMeasuredOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider();
        var workspaces = new CountingWorkspaces();
        var options = new ModelingOptions { ScheduleCheckEvery = TimeSpan.FromHours(1) };
        // No workspace has customers, so no cohort grain is ever asked: the scheduler needs no grain factory.
        using var scheduler = new CohortScheduler(workspaces, new InMemoryFeatureStore(), null!, clock, Options.Create(options), NullLogger<CohortScheduler>.Instance);
        await scheduler.StartAsync(Ct);

        // An hour of real time never passes here: only the fake clock can bring the first check.
        var checks = await Eventually.ReturnsAsync(() =>
        {
            clock.Advance(options.ScheduleCheckEvery);
            return Task.FromResult(workspaces.Listed);
        }, count => count >= 1);
        await scheduler.StopAsync(Ct);

        Assert.True(checks >= 1, $"{checks} checks");
    }

    /// <summary>No workspaces; counts how often the list is asked for.</summary>
    private sealed class CountingWorkspaces : IWorkspaceDirectory
    {
        private int _listed;

        public int Listed => Volatile.Read(ref _listed);

        public Task<bool> CreateAsync(string workspaceId, string displayName, DateTimeOffset at, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<WorkspaceInfo?> FindAsync(string workspaceId, CancellationToken cancellationToken = default) => Task.FromResult<WorkspaceInfo?>(null);

        public Task<IReadOnlyList<WorkspaceInfo>> ListAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _listed);
            return Task.FromResult<IReadOnlyList<WorkspaceInfo>>([]);
        }
    }
}
