using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Load;

/// <summary>What the server acknowledged for one request.</summary>
public readonly record struct Ack(int Applied, int Duplicates);

/// <summary>Sends one request's events the way the scenario's <see cref="IngestMode"/> says.</summary>
internal interface IBatchSender : IAsyncDisposable
{
    Task<Ack> SendAsync(TrackBatchRequest batch, CancellationToken cancellationToken);
}

internal static class Senders
{
    /// <summary>Unary and batch senders hold no state and may be shared; each stream sender owns one stream.</summary>
    public static IBatchSender Create(IngestMode mode, LoadConnection connection) => mode switch
    {
        IngestMode.Unary => new UnarySender(connection.Ingest),
        IngestMode.Batch => new BatchSender(connection.Ingest),
        IngestMode.Stream => new StreamSender(connection.Ingest),
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>
    /// Retries what the API says to retry (storage unavailable, too much work waiting) after a pause, as a well-behaved
    /// producer would; the same event ids make the retry safe.
    /// </summary>
    public static async Task<T> WithRetriesAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (attempt < 50 && e.StatusCode is StatusCode.ResourceExhausted or StatusCode.Unavailable)
            {
                await Task.Delay(20 * Math.Min(attempt, 10), cancellationToken);
            }
        }
    }

    private sealed class UnarySender(IngestService.IngestServiceClient client) : IBatchSender
    {
        public async Task<Ack> SendAsync(TrackBatchRequest batch, CancellationToken cancellationToken)
        {
            var applied = 0;
            foreach (var e in batch.Events)
            {
                var response = await WithRetriesAsync(() => client.TrackAsync(new TrackRequest { Event = e }, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
                applied += response.Outcome == EventOutcome.Applied ? 1 : 0;
            }

            return new Ack(applied, batch.Events.Count - applied);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class BatchSender(IngestService.IngestServiceClient client) : IBatchSender
    {
        public async Task<Ack> SendAsync(TrackBatchRequest batch, CancellationToken cancellationToken)
        {
            var response = await WithRetriesAsync(() => client.TrackBatchAsync(batch, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
            return new Ack(response.Applied, response.Duplicates);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
