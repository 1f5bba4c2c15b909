using ActorSegments.Cluster.Tests.Harness;
using Grpc.Core;

namespace ActorSegments.Cluster.Tests.Ingest;

/// <summary>
/// Continuous ingest as a careful client does it: workers send batch after batch, each to the next gateway in the
/// rotation; a failed batch is sent again, unchanged (same event ids), to the next gateway after a growing pause,
/// until an answer comes back. Every attempt lands in the <see cref="Record"/>. A batch still unacknowledged after
/// <see cref="GiveUpAfter"/> fails the run: the cluster did not recover. Disposing abandons whatever is in flight.
/// </summary>
internal sealed class IngestDriver : IAsyncDisposable
{
    /// <summary>Per call: a call to a grain on a silo that just died waits until the silo is declared dead.</summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    private readonly Workload _workload;
    private readonly Gateways _gateways;
    private readonly IngestPace _pace;
    private readonly CancellationTokenSource _abort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private long _issued;

    private IngestDriver(Workload workload, Gateways gateways, IngestPace pace, CancellationToken abort)
    {
        _workload = workload;
        _gateways = gateways;
        _pace = pace;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(abort);
        _workers = [.. Enumerable.Range(0, pace.Workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None))];
    }

    public AcknowledgementRecord Record { get; } = new();

    public static IngestDriver Start(Workload workload, Gateways gateways, IngestPace pace, CancellationToken abort) =>
        new(workload, gateways, pace, abort);

    /// <summary>Waits until at least <paramref name="count"/> batches are acknowledged in all (progress, not time, gates each step of a scenario).</summary>
    public Task WaitForAcknowledgedAsync(int count) => WaitForAcknowledgedAsync(count, Timeout.InfiniteTimeSpan);

    /// <summary>Like <see cref="WaitForAcknowledgedAsync(int)"/>, but false when <paramref name="within"/> passes first (ingest has stalled).</summary>
    public async Task<bool> WaitForAcknowledgedAsync(int count, TimeSpan within)
    {
        if (count > _pace.MaxBatches)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"the run sends at most {_pace.MaxBatches} batches");
        }

        var deadline = within == Timeout.InfiniteTimeSpan ? DateTime.MaxValue : DateTime.UtcNow + within;
        while (Record.AcknowledgedCount < count)
        {
            if (_workers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed; // a worker gave up: its error says which batch and why
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50, _abort.Token);
        }

        return true;
    }

    /// <summary>Sends no new batch; waits until every batch in flight is acknowledged.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _abort.CancelAsync();
        try
        {
            await Task.WhenAll(_workers);
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException or InvalidOperationException)
        {
            // abandoned, or already reported by WaitForAcknowledgedAsync or StopAsync
        }

        _stop.Dispose();
        _abort.Dispose();
    }

    private async Task WorkAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var number = Interlocked.Increment(ref _issued) - 1;
            if (number >= _pace.MaxBatches)
            {
                return;
            }

            await SendUntilAcknowledgedAsync(number);
            try
            {
                await Task.Delay(_pace.PauseBetweenBatches, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendUntilAcknowledgedAsync(long number)
    {
        var request = _workload.Batch(number);
        var firstTry = DateTimeOffset.UtcNow;
        for (var failures = 0; ; failures++)
        {
            var gateway = _gateways.Next();
            var started = DateTimeOffset.UtcNow;
            try
            {
                var answer = await _gateways.For(gateway).Ingest.TrackBatchAsync(request, deadline: DateTime.UtcNow + CallDeadline, cancellationToken: _abort.Token);
                Record.Acknowledge(number, request, answer, gateway, started, failures);
                return;
            }
            catch (RpcException ex) when (!_abort.IsCancellationRequested)
            {
                Record.Failed(BatchAttempt.Failed(number, gateway, started, ex));
                if (DateTimeOffset.UtcNow - firstTry > GiveUpAfter)
                {
                    throw new InvalidOperationException($"batch {number} was not acknowledged after {failures + 1} attempts over {GiveUpAfter}; the last: {ex.Status}", ex);
                }

                // 100 ms, 200 ms, ... up to 2 s: quick past a refused address, patient while a dead silo is detected.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 << Math.Min(failures, 5))), _abort.Token);
            }
        }
    }
}

/// <summary>How hard the driver pushes: workers in parallel, the pause each worker takes between batches, and a bound on batches in all.</summary>
internal sealed record IngestPace(int Workers, TimeSpan PauseBetweenBatches, int MaxBatches);
