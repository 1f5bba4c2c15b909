using ActorSegments.Server.Configuration;
using ActorSegments.Server.Observability;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Admission;

/// <summary>
/// The event-level gate as the ingest service uses it: called once a request's event count is known and before any
/// of its work (validation included: a shed request costs nothing more), it admits the events or throws
/// RESOURCE_EXHAUSTED with a RetryInfo delay (and, for a JSON call, a <c>Retry-After</c> header). The call's deadline
/// takes part: a call that would wait past it behind the work in flight is refused now instead of failing later.
/// </summary>
internal sealed class IngestAdmission(AdmissionGate gate, AdmissionMetrics metrics, ServerMetrics events, ShedLog log, IOptions<IngestOptions> ingest)
{
    private readonly int _maxBatch = ingest.Value.MaxBatchSize;

    /// <summary>Admits <paramref name="count"/> events of the call; dispose the result when their work has finished.</summary>
    public AdmittedEvents Admit(int count, ServerCallContext context)
    {
        // A caller that has already gone (cancelled, or out of time while its body was read) gets no work started.
        context.CancellationToken.ThrowIfCancellationRequested();
        // A request over the batch limit is refused by validation whatever the load, so it claims no more than the limit.
        var claimed = Math.Min(count, _maxBatch);
        if (gate.TryAdmit(claimed, Remaining(context.Deadline)) is { } refusal)
        {
            metrics.Shed(refusal.Reason);
            events.Received(count);
            events.Rejected(count, RejectionReason.Overloaded);
            log.Shed(refusal);
            if (context.GetHttpContext() is { } http && IngestRoute.IsJson(http.GetEndpoint()) == true)
            {
                http.Response.Headers.RetryAfter = refusal.RetryAfterSeconds;
            }

            throw refusal.ToRpcException();
        }

        metrics.Admitted();
        return new AdmittedEvents(gate, claimed);
    }

    /// <summary>Time left before the call's deadline, on the clock gRPC set it by; null without a deadline.</summary>
    private static TimeSpan? Remaining(DateTime deadline) =>
        deadline == DateTime.MaxValue ? null : deadline - DateTime.UtcNow;
}
