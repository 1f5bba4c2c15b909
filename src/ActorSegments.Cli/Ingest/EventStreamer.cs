using System.Threading.Channels;
using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Cli.Ingest;

/// <summary>
/// Sends events through <c>TrackStream</c> in batches, a bounded number of batches ahead of the acknowledgements so a
/// large file never piles up in memory, and adds the acknowledgements up.
/// </summary>
internal sealed class EventStreamer(IngestService.IngestServiceClient client, int batchSize = EventStreamer.DefaultBatchSize, int maxInFlight = 8)
{
    public const int DefaultBatchSize = 500;

    /// <summary>Rejections kept for the summary; the rest are only counted.</summary>
    public const int KeptRejections = 20;

    public async Task<IngestSummary> SendAsync(IEnumerable<SourcedEvent> events, Action<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var call = client.TrackStream(cancellationToken: cancellationToken);

        // Batches sent and not yet acknowledged, oldest first; the channel's capacity is the flow control.
        var pending = Channel.CreateBounded<SourcedEvent[]>(maxInFlight);
        var tally = new Tally();
        var reader = ReadAcknowledgementsAsync(call.ResponseStream, pending, tally, progress, cancellationToken);
        try
        {
            foreach (var batch in events.Chunk(batchSize))
            {
                await pending.Writer.WriteAsync(batch, cancellationToken);
                var request = new TrackBatchRequest();
                request.Events.AddRange(batch.Select(e => e.Event));
                await call.RequestStream.WriteAsync(request, cancellationToken);
                tally.Sent += batch.Length;
            }

            pending.Writer.TryComplete();
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or ChannelClosedException or InvalidOperationException)
        {
            // The server ended the stream or the reader stopped; awaiting the reader surfaces the status that says why.
            pending.Writer.TryComplete();
            await reader;
            throw;
        }
        catch
        {
            // The events failed to read (a bad file): stop the reader too; disposing the call ends its wait for acks.
            pending.Writer.TryComplete();
            _ = reader.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw;
        }

        await reader;
        return new IngestSummary(tally.Sent, tally.Applied, tally.Duplicates, tally.Rejected, tally.Rejections);
    }

    private static async Task ReadAcknowledgementsAsync(
        IAsyncStreamReader<TrackStreamAck> acks,
        Channel<SourcedEvent[]> pending,
        Tally tally,
        Action<IngestProgress>? progress,
        CancellationToken cancellationToken)
    {
        try
        {
            await ReadAsync(acks, pending.Reader, tally, progress, cancellationToken);
        }
        catch (Exception ex)
        {
            // Unblocks the sender, which may be waiting for room in the channel this reader no longer empties.
            pending.Writer.TryComplete(ex);
            throw;
        }
    }

    private static async Task ReadAsync(
        IAsyncStreamReader<TrackStreamAck> acks,
        ChannelReader<SourcedEvent[]> pending,
        Tally tally,
        Action<IngestProgress>? progress,
        CancellationToken cancellationToken)
    {
        await foreach (var batch in pending.ReadAllAsync(cancellationToken))
        {
            if (!await acks.MoveNext(cancellationToken))
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "The server closed the stream before acknowledging every batch; run the same import again (applied events are recognized as duplicates)."));
            }

            var ack = acks.Current;
            tally.Applied += ack.Applied;
            tally.Duplicates += ack.Duplicates;
            tally.Acknowledged += batch.Length;
            foreach (var rejection in ack.Rejections.DistinctBy(r => r.Index))
            {
                tally.Rejected++;
                if (tally.Rejections.Count < KeptRejections && rejection.Index >= 0 && rejection.Index < batch.Length)
                {
                    var source = batch[rejection.Index];
                    tally.Rejections.Add(new ServerRejection(source.Line, source.Event.CustomerId, source.Event.EventId, rejection.Field, rejection.Description));
                }
            }

            progress?.Invoke(new IngestProgress(tally.Acknowledged, batch[^1].Event));
        }
    }

    /// <summary>Counters shared by the sending loop and the acknowledgement reader (each field has one writer).</summary>
    private sealed class Tally
    {
        public long Sent { get; set; }

        public long Acknowledged { get; set; }

        public long Applied { get; set; }

        public long Duplicates { get; set; }

        public long Rejected { get; set; }

        public List<ServerRejection> Rejections { get; } = [];
    }
}
