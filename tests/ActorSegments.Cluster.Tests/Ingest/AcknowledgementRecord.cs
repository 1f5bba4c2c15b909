using System.Collections.Concurrent;
using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Cluster.Tests.Ingest;

/// <summary>
/// What the client knows: every attempt it made, and for each acknowledged batch the request and the answer. A batch
/// is acknowledged only when a TrackBatch answer came back; only acknowledged events are owed by the server.
/// </summary>
internal sealed class AcknowledgementRecord
{
    private readonly ConcurrentQueue<BatchAttempt> _attempts = new();
    private readonly ConcurrentDictionary<long, AcknowledgedBatch> _acknowledged = new();

    public int AcknowledgedCount => _acknowledged.Count;

    public IReadOnlyCollection<BatchAttempt> Attempts => _attempts;

    public IReadOnlyDictionary<long, AcknowledgedBatch> Acknowledged => _acknowledged;

    public void Failed(BatchAttempt attempt) => _attempts.Enqueue(attempt);

    public void Acknowledge(long batch, TrackBatchRequest request, TrackBatchResponse answer, string gateway, DateTimeOffset started, int failedAttempts)
    {
        _attempts.Enqueue(new BatchAttempt(batch, gateway, started, DateTimeOffset.UtcNow, StatusCode.OK, FailureOrigin.None, string.Empty));
        if (!_acknowledged.TryAdd(batch, new AcknowledgedBatch(request, answer, failedAttempts)))
        {
            throw new InvalidOperationException($"batch {batch} was acknowledged twice by this client: a bug of the test's driver");
        }
    }

    /// <summary>The acknowledged events per customer and type: what each profile must show, exactly.</summary>
    public SortedDictionary<string, EventCounts> EventsPerCustomer()
    {
        var counts = new SortedDictionary<string, EventCounts>(StringComparer.Ordinal);
        foreach (var e in _acknowledged.Values.SelectMany(b => b.Request.Events))
        {
            if (!counts.TryGetValue(e.CustomerId, out var customer))
            {
                counts[e.CustomerId] = customer = new EventCounts();
            }

            customer.Add(e.Type);
        }

        return counts;
    }

    /// <summary>One line per outcome: status, who produced it (server, transport, deadline), the start of its detail and how often.</summary>
    public string Summary()
    {
        var events = _acknowledged.Values.Sum(b => b.Request.Events.Count);
        var outcomes = _attempts
            .GroupBy(a => (a.Status, a.Origin, Detail: a.Detail.Length <= 100 ? a.Detail : a.Detail[..100]))
            .OrderBy(g => g.Key.Status)
            .Select(g => $"  {g.Key.Status} ({g.Key.Origin}) x{g.Count()}: {g.Key.Detail}");
        return $"{_acknowledged.Count} batches ({events} events) acknowledged in {_attempts.Count} attempts; " +
            $"applied {_acknowledged.Values.Sum(b => b.Answer.Applied)}, duplicates {_acknowledged.Values.Sum(b => b.Answer.Duplicates)}\n" +
            string.Join('\n', outcomes);
    }
}

/// <summary>A batch the server acknowledged, its answer, and how many attempts at it failed first.</summary>
internal sealed record AcknowledgedBatch(TrackBatchRequest Request, TrackBatchResponse Answer, int FailedAttempts);
