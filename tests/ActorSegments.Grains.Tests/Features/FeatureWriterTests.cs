using System.Diagnostics.Metrics;
using ActorSegments.Domain.Features;
using ActorSegments.Grains.Features;
using ActorSegments.Testing;
using ActorSegments.Testing.Storage.Modeling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Grains.Tests.Features;

public sealed class FeatureWriterTests : IDisposable
{
    private readonly RecordingFeatureStore _store = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch.AddYears(56));
    private readonly CapturingLogger<FeatureWriter> _logger = new();
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enqueue_OneCustomerManyTimes_WritesOneRowTheNewest()
    {
        using var writer = Writer();
        foreach (var asOf in new long[] { 3, 9, 1, 7, 9, 2 })
        {
            writer.Enqueue("w", Row("c", asOf));
        }

        await writer.FlushAsync(Cancel);

        Assert.Equal([("w", 1)], _store.Writes);
        Assert.Equal(9, Assert.Single(await ModelingSamples.ReadAllAsync(_store, "w")).AsOf);
        Assert.Equal(0, writer.Pending);
    }

    [Fact]
    public async Task FlushAsync_ManyCustomersAndWorkspaces_WritesEveryRowInBatchesOfAtMostMaxBatch()
    {
        using var writer = Writer(maxBatch: 4);
        for (var i = 0; i < 10; i++)
        {
            writer.Enqueue("w1", Row($"c{i}", i));
            writer.Enqueue("w2", Row($"d{i}", i));
        }

        await writer.FlushAsync(Cancel);

        Assert.Equal(10, await _store.CountAsync("w1", Cancel));
        Assert.Equal(10, await _store.CountAsync("w2", Cancel));
        Assert.All(_store.Writes, write => Assert.InRange(write.Rows, 1, 4));
        Assert.Equal(0, writer.Pending);
    }

    [Fact]
    public async Task Enqueue_MaxBatchRowsWaiting_WritesWithoutWaitingForTheInterval()
    {
        // The interval never passes: the fake clock does not move.
        using var writer = Writer(maxBatch: 5);
        await writer.StartAsync(Cancel);
        for (var i = 0; i < 5; i++)
        {
            writer.Enqueue("w", Row($"c{i}", 1));
        }

        var written = await Eventually.ReturnsAsync(() => _store.CountAsync("w", Cancel), count => count == 5);

        Assert.Equal(5, written);
        await writer.StopAsync(Cancel);
    }

    [Fact]
    public async Task FlushAsync_StoreFails_KeepsTheRowsUnlessANewerOneArrived()
    {
        using var writer = Writer();
        writer.Enqueue("w", Row("c1", 1));
        writer.Enqueue("w", Row("c2", 1));
        _store.FailNext(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.FlushAsync(Cancel));
        writer.Enqueue("w", Row("c1", 2));
        await writer.FlushAsync(Cancel);

        Assert.Equal([("c1", 2L), ("c2", 1L)], (await ModelingSamples.ReadAllAsync(_store, "w")).Select(r => (r.CustomerId, r.AsOf)));
        Assert.Equal(0, writer.Pending);
    }

    [Fact]
    public async Task FlushAsync_NewerRowArrivesDuringTheWrite_KeepsItForTheNextWrite()
    {
        using var writer = Writer();
        writer.Enqueue("w", Row("c1", 1));
        _store.DuringNextWrite = () => writer.Enqueue("w", Row("c1", 2));

        await writer.FlushAsync(Cancel);
        var pending = writer.Pending;
        await writer.FlushAsync(Cancel);

        Assert.Equal(1, pending);
        Assert.Equal(2, Assert.Single(await ModelingSamples.ReadAllAsync(_store, "w")).AsOf);
    }

    [Fact]
    public async Task Background_StoreFailsOnce_RetriesLaterAndLosesNothing()
    {
        using var writer = Writer();
        await writer.StartAsync(Cancel);
        _store.FailNext(1);
        writer.Enqueue("w", Row("c1", 1));
        writer.Enqueue("w", Row("c2", 1));

        // Time moves a second per look, past the interval and then the retry pause.
        var written = await Eventually.ReturnsAsync(() =>
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            return _store.CountAsync("w", Cancel);
        }, count => count == 2);

        Assert.Equal(2, written);
        Assert.Equal(1, _store.Failed);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("retried", StringComparison.Ordinal));
        await writer.StopAsync(Cancel);
    }

    [Fact]
    public async Task Enqueue_BeyondMaxPending_DropsNewCustomersCountsAndWarnsOnce()
    {
        long dropped = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FeatureWriter.MeterName && instrument.Meter.Scope == _metrics.GetRequiredService<IMeterFactory>() && instrument.Name == "actorsegments.features.dropped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref dropped, value));
        listener.Start();
        using var writer = Writer(maxBatch: 3, maxPending: 3);

        for (var i = 0; i < 5; i++)
        {
            writer.Enqueue("w", Row($"c{i}", 1));
        }

        writer.Enqueue("w", Row("c0", 2)); // a waiting customer's newer row still fits
        await writer.FlushAsync(Cancel);
        writer.Enqueue("w", Row("c4", 3)); // room again once written
        await writer.FlushAsync(Cancel);

        Assert.Equal(2, Interlocked.Read(ref dropped));
        Assert.Equal([("c0", 2L), ("c1", 1L), ("c2", 1L), ("c4", 3L)], (await ModelingSamples.ReadAllAsync(_store, "w")).Select(r => (r.CustomerId, r.AsOf)));
        Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Dropped 1 feature rows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopAsync_RowsWaiting_WritesThemBeforeStopping()
    {
        using var writer = Writer();
        await writer.StartAsync(Cancel);
        writer.Enqueue("w", Row("c", 1));

        await writer.StopAsync(Cancel);

        Assert.Equal(1, await _store.CountAsync("w", Cancel));
    }

    public void Dispose() => _metrics.Dispose();

    private FeatureWriter Writer(int maxBatch = 5_000, int maxPending = 200_000) => new(
        _store,
        Options.Create(new FeatureWriterOptions { MaxBatch = maxBatch, MaxPending = maxPending }),
        _clock,
        _metrics.GetRequiredService<IMeterFactory>(),
        _logger);

    private static FeatureRow Row(string customerId, long asOf) => new(customerId, asOf, [asOf, 0.5f]);
}
