using System.Collections.Concurrent;
using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Load;

/// <summary>
/// The calls of one overload run: each TrackBatch sent once with its own deadline, timed from its send to its answer,
/// and tallied by the status it ended with. A refused call is not retried: the run shows what the server did with the
/// load offered, not what a retrying client would eventually get through.
/// </summary>
internal sealed class OverloadCalls(TimeSpan deadline)
{
    private readonly ConcurrentQueue<(StatusCode Status, double Ms, int Events)> _outcomes = new();
    private readonly List<Task> _pending = [];

    public void Send(IngestService.IngestServiceClient client, TrackBatchRequest request, CancellationToken cancellationToken) =>
        _pending.Add(CallAsync(client, request, cancellationToken));

    /// <summary>Waits for every call's answer (each ends by its deadline at the latest) and sums them up.</summary>
    public async Task<OverloadRun> FinishAsync(long started, TimeSpan sending, ProcessMemory? server)
    {
        await Task.WhenAll(_pending);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var outcomes = _outcomes.ToList();
        return new OverloadRun(
            outcomes.Count,
            outcomes.Sum(o => (long)o.Events),
            sending,
            outcomes.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count()),
            outcomes.Where(o => o.Status == StatusCode.OK).Sum(o => (long)o.Events),
            elapsed,
            [.. outcomes.Where(o => o.Status == StatusCode.OK).Select(o => o.Ms)],
            [.. outcomes.Where(o => o.Status == StatusCode.ResourceExhausted).Select(o => o.Ms)],
            server?.Peak);
    }

    private async Task CallAsync(IngestService.IngestServiceClient client, TrackBatchRequest request, CancellationToken cancellationToken)
    {
        var sentAt = TimeProvider.System.GetTimestamp();
        StatusCode status;
        try
        {
            await client.TrackBatchAsync(request, deadline: DateTime.UtcNow + deadline, cancellationToken: cancellationToken);
            status = StatusCode.OK;
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
        }

        _outcomes.Enqueue((status, TimeProvider.System.GetElapsedTime(sentAt).TotalMilliseconds, request.Events.Count));
    }
}
