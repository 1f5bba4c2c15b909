using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using ActorSegments.Server.Configuration;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Validates whole requests before touching any customer (all or nothing), then hands each customer its events in
/// request order, customers in parallel, and answers once every customer has stored its events.
/// </summary>
internal sealed class IngestGrpcService(IGrainFactory grains, TimeProvider time, IOptions<IngestOptions> options)
    : IngestService.IngestServiceBase
{
    private readonly IngestOptions _options = options.Value;
    private readonly EventLimits _limits = options.Value.ToEventLimits();

    public override async Task<TrackResponse> Track(TrackRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        var incoming = EventMapping.Map(request.Event, "event", time.GetUtcNow(), _limits, violations);
        if (incoming is null)
        {
            throw InvalidArgument.Create(violations);
        }

        context.Demand(incoming.WorkspaceId, ApiKeyScopes.Ingest);
        var result = await CustomerOf(incoming.WorkspaceId, incoming.CustomerId).TrackAsync([incoming.Event]);
        return new TrackResponse { Outcome = result.Applied == 1 ? EventOutcome.Applied : EventOutcome.Duplicate };
    }

    public override async Task<TrackBatchResponse> TrackBatch(TrackBatchRequest request, ServerCallContext context)
    {
        var byCustomer = ValidateAndGroup(request);
        foreach (var workspaceId in request.Events.Select(e => e.WorkspaceId).Distinct(StringComparer.Ordinal))
        {
            context.Demand(workspaceId, ApiKeyScopes.Ingest);
        }

        var results = await Task.WhenAll(byCustomer.Select(p => grains.GetGrain<ICustomerGrain>(p.Key).TrackAsync([.. p.Value])));
        var total = results.Aggregate(TrackResult.None, (sum, r) => sum.Add(r));
        return new TrackBatchResponse { Applied = total.Applied, Duplicates = total.Duplicates };
    }

    private Dictionary<string, List<CustomerEvent>> ValidateAndGroup(TrackBatchRequest request)
    {
        if (request.Events.Count == 0)
        {
            throw InvalidArgument.Create("events", "at least one event is required");
        }

        if (request.Events.Count > _options.MaxBatchSize)
        {
            throw InvalidArgument.Create("events", $"at most {_options.MaxBatchSize} events per batch are accepted (got {request.Events.Count}); split the batch");
        }

        var now = time.GetUtcNow();
        var violations = new List<FieldViolation>();
        var byCustomer = new Dictionary<string, List<CustomerEvent>>(StringComparer.Ordinal);
        for (var i = 0; i < request.Events.Count; i++)
        {
            var incoming = EventMapping.Map(request.Events[i], $"events[{i}]", now, _limits, violations);
            if (incoming is null || violations.Count > 0)
            {
                continue; // keep validating to report every problem, but stop building work
            }

            var key = CustomerGrainKey.Format(incoming.WorkspaceId, incoming.CustomerId);
            if (!byCustomer.TryGetValue(key, out var events))
            {
                byCustomer[key] = events = [];
            }

            events.Add(incoming.Event);
        }

        return violations.Count == 0 ? byCustomer : throw InvalidArgument.Create(violations);
    }

    private ICustomerGrain CustomerOf(string workspaceId, string customerId) =>
        grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspaceId, customerId));
}
