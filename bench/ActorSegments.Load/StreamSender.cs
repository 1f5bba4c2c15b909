using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Load;

/// <summary>
/// One TrackStream: batches are written in turn and acknowledged in order, so each send waits for the
/// acknowledgement at the head of the queue it joined. Several sends may be in flight on the stream at once.
/// </summary>
internal sealed class StreamSender : IBatchSender
{
    private readonly AsyncDuplexStreamingCall<TrackBatchRequest, TrackStreamAck> _call;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Queue<TaskCompletionSource<Ack>> _pending = new();
    private readonly Task _reader;

    public StreamSender(IngestService.IngestServiceClient client)
    {
        _call = client.TrackStream();
        _reader = Task.Run(ReadAsync);
    }

    public async Task<Ack> SendAsync(TrackBatchRequest batch, CancellationToken cancellationToken)
    {
        var ack = new TaskCompletionSource<Ack>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            lock (_pending)
            {
                _pending.Enqueue(ack);
            }

            await _call.RequestStream.WriteAsync(batch, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        return await ack.Task;
    }

    private async Task ReadAsync()
    {
        Exception? failure = null;
        try
        {
            await foreach (var ack in _call.ResponseStream.ReadAllAsync())
            {
                TaskCompletionSource<Ack> head;
                lock (_pending)
                {
                    head = _pending.Dequeue();
                }

                // Rejected events were neither applied nor duplicates; the caller sees them as missing.
                head.SetResult(new Ack(ack.Applied, ack.Duplicates));
            }
        }
        catch (RpcException e)
        {
            failure = e;
        }

        lock (_pending)
        {
            while (_pending.TryDequeue(out var waiting))
            {
                waiting.SetException(failure ?? new InvalidOperationException("The stream ended before acknowledging every batch."));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _call.RequestStream.CompleteAsync();
        await _reader;
        _call.Dispose();
        _writeLock.Dispose();
    }
}
