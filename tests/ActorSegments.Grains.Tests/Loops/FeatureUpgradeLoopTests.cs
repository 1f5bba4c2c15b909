using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Features;
using ActorSegments.InMemory;
using ActorSegments.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Grains.Tests.Loops;

public sealed class FeatureUpgradeLoopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Loop_AtStart_ChecksWithoutWaitingForItsInterval()
    {
        var store = new CountingStaleChecks();
        // No stale rows, so no upgrade grain is ever asked: the loop needs no grain factory. The fake clock never moves.
        using var loop = Loop(store, TimeSpan.FromHours(1));

        await loop.StartAsync(Ct);
        var checks = await Eventually.ReturnsAsync(() => Task.FromResult(store.Checks), n => n >= 1);
        await loop.StopAsync(Ct);

        Assert.Equal(1, checks);
    }

    [Fact]
    public async Task Loop_CheckEveryZero_DoesNotRun()
    {
        var store = new CountingStaleChecks();
        using var loop = Loop(store, TimeSpan.Zero);

        await loop.StartAsync(Ct);
        await loop.StopAsync(Ct);

        Assert.Equal(0, store.Checks);
    }

    private static FeatureUpgradeLoop Loop(IFeatureStore store, TimeSpan checkEvery) =>
        new(store, null!, new FakeTimeProvider(), Options.Create(new FeatureUpgradeOptions { CheckEvery = checkEvery }), NullLogger<FeatureUpgradeLoop>.Instance);

    /// <summary>An in-memory feature table that counts how often it is asked for workspaces with stale rows.</summary>
    private sealed class CountingStaleChecks : IFeatureStore
    {
        private readonly InMemoryFeatureStore _inner = new();
        private int _checks;

        public int Checks => Volatile.Read(ref _checks);

        public Task UpsertAsync(string workspaceId, IReadOnlyList<FeatureRow> rows, CancellationToken cancellationToken = default) =>
            _inner.UpsertAsync(workspaceId, rows, cancellationToken);

        public IAsyncEnumerable<FeatureRow> ReadAllAsync(string workspaceId, CancellationToken cancellationToken = default) =>
            _inner.ReadAllAsync(workspaceId, cancellationToken);

        public Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default) => _inner.CountAsync(workspaceId, cancellationToken);

        public Task<IReadOnlyList<string>> ReadStaleAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default) =>
            _inner.ReadStaleAsync(workspaceId, afterCustomerId, limit, cancellationToken);

        public Task<IReadOnlyList<string>> StaleWorkspacesAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _checks);
            return _inner.StaleWorkspacesAsync(cancellationToken);
        }
    }
}
