using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;
using ActorSegments.Grains.Segments;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using ActorSegments.Server.Admission;
using ActorSegments.Server.Configuration;
using ActorSegments.Server.Lifecycle;
using ActorSegments.Server.Observability;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Validates requests before touching any customer, then hands each customer its events in request order, customers
/// in parallel, and answers once every customer has stored its events.
/// </summary>
internal sealed class IngestGrpcService(IGrainFactory grains, SegmentCatalog catalog, TimeProvider time, IOptions<IngestOptions> options, ServerMetrics metrics, ServingGate gate, IngestAdmission admission)
    : IngestService.IngestServiceBase
{
    private readonly IngestOptions _options = options.Value;
    private readonly EventLimits _limits = options.Value.ToEventLimits();

    public override async Task<TrackResponse> Track(TrackRequest request, ServerCallContext context)
    {
        using var admitted = admission.Admit(1, context);
        metrics.Received(1);
        var violations = new List<FieldViolation>();
        var incoming = EventMapping.Map(request.Event, ("event", -1), time.GetUtcNow(), _limits, violations)
            ?? throw Invalid(1, violations);
        context.Demand(incoming.WorkspaceId, ApiKeyScopes.Ingest);
        var result = await TrackAsync(incoming.WorkspaceId, incoming.CustomerId, [incoming.Event]);
        return new TrackResponse { Outcome = result.Applied == 1 ? EventOutcome.Applied : EventOutcome.Duplicate };
    }

    public override async Task<TrackBatchResponse> TrackBatch(TrackBatchRequest request, ServerCallContext context)
    {
        using var admitted = admission.Admit(request.Events.Count, context);
        var batch = MapBatch(request);
        if (batch.Violations.Count > 0)
        {
            throw Invalid(request.Events.Count, batch.Violations); // all or nothing: the whole batch is refused
        }

        var total = await ApplyAsync(batch, context);
        return new TrackBatchResponse { Applied = total.Applied, Duplicates = total.Duplicates };
    }

    public override async Task TrackStream(IAsyncStreamReader<TrackBatchRequest> requestStream, IServerStreamWriter<TrackStreamAck> responseStream, ServerCallContext context)
    {
        long number = 0;
        // Between batches the stream also ends when the server starts refusing calls; a batch being applied finishes.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, gate.Refusing);
        await foreach (var request in requestStream.ReadAllAsync(stop.Token))
        {
            using var admitted = admission.Admit(request.Events.Count, context); // per batch: a refusal ends the stream
            var batch = MapBatch(request);
            var rejections = batch.Violations.Select(Rejection).ToList();
            metrics.Rejected(rejections.Select(r => r.Index).Distinct().Count(), RejectionReason.Invalid);
            var total = await ApplyAsync(batch, context);
            var ack = new TrackStreamAck { Batch = number++, Applied = total.Applied, Duplicates = total.Duplicates };
            ack.Rejections.AddRange(rejections);
            await responseStream.WriteAsync(ack, context.CancellationToken);
        }
    }

    public override async Task<IdentifyResponse> Identify(IdentifyRequest request, ServerCallContext context)
    {
        using var admitted = admission.Admit(1, context);
        RequestChecks.Ids(request.WorkspaceId, customerId: request.CustomerId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Ingest);
        var workspace = await catalog.GetAsync(request.WorkspaceId, context.CancellationToken);
        var violations = new List<FieldViolation>();
        metrics.Received(1);
        var update = TraitMapping.Map(request, time.GetUtcNow(), _limits, workspace.Model.Schema, violations)
            ?? throw Invalid(1, violations);
        var result = await TrackAsync(request.WorkspaceId, request.CustomerId, [update]);
        return new IdentifyResponse { Outcome = result.Applied == 1 ? EventOutcome.Applied : EventOutcome.Duplicate };
    }

    /// <summary>Valid events grouped by customer (in request order), and the problems of the others.</summary>
    private MappedBatch MapBatch(TrackBatchRequest request)
    {
        metrics.Received(request.Events.Count);
        if (request.Events.Count == 0)
        {
            throw InvalidArgument.Create("events", "at least one event is required");
        }

        if (request.Events.Count > _options.MaxBatchSize)
        {
            throw Invalid(request.Events.Count, [new FieldViolation("events", $"at most {_options.MaxBatchSize} events per batch are accepted (got {request.Events.Count}); split the batch")]);
        }

        var now = time.GetUtcNow();
        var violations = new List<FieldViolation>();
        var byCustomer = new Dictionary<(string Workspace, string Customer), List<CustomerEvent>>();
        for (var i = 0; i < request.Events.Count; i++)
        {
            if (EventMapping.Map(request.Events[i], ("events", i), now, _limits, violations) is not { } incoming)
            {
                continue; // keep validating to report every problem
            }

            var key = (incoming.WorkspaceId, incoming.CustomerId);
            if (!byCustomer.TryGetValue(key, out var events))
            {
                byCustomer[key] = events = [];
            }

            events.Add(incoming.Event);
        }

        return new MappedBatch(byCustomer, violations);
    }

    private async Task<TrackResult> ApplyAsync(MappedBatch batch, ServerCallContext context)
    {
        foreach (var workspaceId in batch.ByCustomer.Keys.Select(k => k.Workspace).Distinct(StringComparer.Ordinal))
        {
            context.Demand(workspaceId, ApiKeyScopes.Ingest);
        }

        var results = await Task.WhenAll(batch.ByCustomer.Select(p => TrackAsync(p.Key.Workspace, p.Key.Customer, [.. p.Value])));
        return results.Aggregate(TrackResult.None, (sum, r) => sum.Add(r));
    }

    /// <summary>One customer's events, counted by how they ended.</summary>
    private async Task<TrackResult> TrackAsync(string workspaceId, string customerId, CustomerEvent[] events)
    {
        try
        {
            var result = await grains.GetCustomer(workspaceId, customerId).TrackAsync(events);
            metrics.Applied(result.Applied, result.Duplicates);
            return result;
        }
        catch (Exception ex)
        {
            var overloaded = ErrorMappingInterceptor.Find<EventsNotStoredException>(ex) is { Overloaded: true };
            metrics.Rejected(events.Length, overloaded ? RejectionReason.Overloaded : RejectionReason.NotStored);
            throw;
        }
    }

    private RpcException Invalid(int events, List<FieldViolation> violations)
    {
        metrics.Rejected(events, RejectionReason.Invalid);
        return InvalidArgument.Create(violations);
    }

    /// <summary>A violation located as <c>events[i].field</c>, turned into the event's index and its own field.</summary>
    private static EventRejection Rejection(FieldViolation violation)
    {
        const string prefix = "events[";
        var close = violation.Field.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(violation.Field.AsSpan(prefix.Length, close - prefix.Length), System.Globalization.CultureInfo.InvariantCulture);
        var field = close + 2 <= violation.Field.Length ? violation.Field[(close + 2)..] : string.Empty;
        return new EventRejection { Index = index, Field = field, Description = violation.Description };
    }

    private sealed record MappedBatch(Dictionary<(string Workspace, string Customer), List<CustomerEvent>> ByCustomer, List<FieldViolation> Violations);
}
