using ActorSegments.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Grains.Tests.Loops;

/// <summary>The base of every silo background loop: batches, pauses on the injected clock, and the stopping hook.</summary>
public sealed class SiloBackgroundLoopTests
{
    private static readonly TimeSpan Pause = TimeSpan.FromHours(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunBatches_SmallBatch_NextOneWhenTheInjectedClockHasMovedByThePause()
    {
        var clock = new FakeTimeProvider();
        using var loop = new BatchLoop(clock, batchSize: 0);
        await loop.StartAsync(Ct);

        // An hour of real time never passes here: only the fake clock can end the pause.
        var batches = await Eventually.ReturnsAsync(() =>
        {
            clock.Advance(Pause);
            return Task.FromResult(loop.Batches);
        }, count => count >= 2);
        await loop.StopAsync(Ct);

        Assert.True(batches >= 2, $"{batches} batches");
    }

    [Fact]
    public async Task RunBatches_FullBatch_NextOneAtOnce()
    {
        using var loop = new BatchLoop(new FakeTimeProvider(), batchSize: BatchLoop.Full);
        await loop.StartAsync(Ct);

        var batches = await Eventually.ReturnsAsync(() => Task.FromResult(loop.Batches), count => count >= 3);
        await loop.StopAsync(Ct);

        Assert.True(batches >= 3, $"{batches} batches");
    }

    [Fact]
    public async Task StopAsync_Started_RunsTheStoppingHookOnceAfterTheLoopEnded()
    {
        using var loop = new BatchLoop(new FakeTimeProvider(), batchSize: 0);
        await loop.StartAsync(Ct);
        await Eventually.ReturnsAsync(() => Task.FromResult(loop.Batches), count => count >= 1);

        await loop.StopAsync(Ct);
        await loop.StopAsync(Ct);

        Assert.Equal([true], loop.StoppedAfterTheLoopEnded);
    }

    [Fact]
    public async Task StopAsync_Disabled_NeitherRunsNorCallsTheStoppingHook()
    {
        using var loop = new BatchLoop(new FakeTimeProvider(), batchSize: 0, enabled: false);

        await loop.StartAsync(Ct);
        await loop.StopAsync(Ct);

        Assert.Equal(0, loop.Batches);
        Assert.Empty(loop.StoppedAfterTheLoopEnded);
    }

    /// <summary>Counts its batches, each returning <c>batchSize</c> items, and records each stopping hook.</summary>
    private sealed class BatchLoop(TimeProvider clock, int batchSize, bool enabled = true) : SiloBackgroundLoop(clock)
    {
        public const int Full = 10;

        private int _batches;
        private volatile bool _ended;

        public int Batches => Volatile.Read(ref _batches);

        public List<bool> StoppedAfterTheLoopEnded { get; } = [];

        protected override bool Enabled => enabled;

        protected override async Task RunAsync(CancellationToken stoppingToken)
        {
            try
            {
                await RunBatchesAsync(BatchAsync, Full, Pause, _ => { }, stoppingToken);
            }
            finally
            {
                _ended = true;
            }
        }

        protected override Task OnStoppedAsync(CancellationToken cancellationToken)
        {
            StoppedAfterTheLoopEnded.Add(_ended);
            return Task.CompletedTask;
        }

        private async Task<int> BatchAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _batches);
            await Task.Yield();
            return batchSize;
        }
    }
}
