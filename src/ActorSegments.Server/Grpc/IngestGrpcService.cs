using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;
using ActorSegments.Grains.Customers;
using ActorSegments.Grains.Segments;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using ActorSegments.Server.Admission;
using ActorSegments.Server.Configuration;
using ActorSegments.Server.Grpc.Parsing;
using ActorSegments.Server.Lifecycle;
using ActorSegments.Server.Observability;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Validates requests before touching any customer, then hands each customer its events in request order, customers
/// in parallel, and answers once every customer has stored its events.
/// </summary>
internal sealed partial class IngestGrpcService(IGrainFactory grains, SegmentCatalog catalog, TimeProvider time, IOptions<IngestOptions> options, IOptions<IdentityOptions> identity, ServerMetrics metrics, ServingGate gate, IngestAdmission admission)
    : IngestService.IngestServiceBase
{
    private readonly IngestOptions _options = options.Value;
    private readonly IdentityOptions _identity = identity.Value;
    private readonly EventLimits _limits = options.Value.ToEventLimits();

    public override async Task<TrackResponse> Track(TrackRequest request, ServerCallContext context)
    {
        using var admitted = admission.Admit(1, context);
        metrics.Received(1);
        var violations = new List<FieldViolation>();
        var schemas = await SchemasAsync([request.Event], context);
        var incoming = EventMapping.Map(request.Event, time.GetUtcNow(), _limits, violations, SchemaOf(schemas, request.Event))
            ?? throw Invalid(1, [.. violations.Select(v => new EventViolation(-1, v).Located("event"))]);
        context.Demand(incoming.WorkspaceId, ApiKeyScopes.Ingest);
        var result = await TrackAsync(incoming.WorkspaceId, incoming.CustomerId, [incoming.Event], request.RestartErased)
            ?? throw ErasedCustomers.Refused([new FieldViolation("event.customer_id", ErasedCustomers.Description)]);
        return new TrackResponse { Outcome = result.Applied == 1 ? EventOutcome.Applied : EventOutcome.Duplicate };
    }

    public override async Task<TrackBatchResponse> TrackBatch(TrackBatchRequest request, ServerCallContext context)
    {
        using var admitted = admission.Admit(request.Events.Count, context);
        metrics.Received(request.Events.Count);
        if (BatchProblem(request) is { } problem)
        {
            throw Invalid(request.Events.Count, [problem]);
        }

        var batch = await MapBatchAsync(request, context, refuseForbidden: false);
        if (batch.Violations.Count > 0)
        {
            throw Invalid(request.Events.Count, [.. batch.Violations.Select(v => v.Located("events"))]); // all or nothing: the whole batch is refused
        }

        var total = await ApplyAsync(batch, request.RestartErased, context);
        if (total.Erased.Count > 0)
        {
            throw ErasedCustomers.Refused([.. total.Erased.Select(index => Erased(index).Located("events"))]);
        }

        return new TrackBatchResponse { Applied = total.Result.Applied, Duplicates = total.Result.Duplicates };
    }

    public override async Task TrackStream(IAsyncStreamReader<TrackBatchRequest> requestStream, IServerStreamWriter<TrackStreamAck> responseStream, ServerCallContext context)
    {
        long number = 0;
        // Between batches the stream also ends when the server starts refusing calls; a batch being applied finishes.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, gate.Refusing);
        while (await NextAsync(requestStream, stop.Token) is { } next)
        {
            // A batch refused whole (unparseable, empty, too large) is acknowledged like any other: the stream goes on.
            var ack = next.Unparseable is { } unparseable
                ? RefusedWhole(new FieldViolation("events", unparseable.Reason), events: 0)
                : await AcknowledgeAsync(next.Request!, context);
            ack.Batch = number++;
            await responseStream.WriteAsync(ack, context.CancellationToken);
        }
    }

    /// <summary>The next batch of the stream, or what made it unreadable; null at the end of the stream.</summary>
    private static async Task<(TrackBatchRequest? Request, UnparseableMessageException? Unparseable)?> NextAsync(IAsyncStreamReader<TrackBatchRequest> requestStream, CancellationToken cancellationToken)
    {
        try
        {
            return await requestStream.MoveNext(cancellationToken) ? (requestStream.Current, null) : null;
        }
        catch (UnparseableMessageException unparseable)
        {
            return (null, unparseable); // the frame was consumed; the next message is read normally
        }
    }

    /// <summary>Applies a stream's batch: valid events are applied, each invalid one is reported by index and field.</summary>
    private async Task<TrackStreamAck> AcknowledgeAsync(TrackBatchRequest request, ServerCallContext context)
    {
        metrics.Received(request.Events.Count);
        if (BatchProblem(request) is { } problem)
        {
            return RefusedWhole(problem, request.Events.Count);
        }

        using var admitted = admission.Admit(request.Events.Count, context); // per batch: a refusal ends the stream
        var batch = await MapBatchAsync(request, context, refuseForbidden: true);
        metrics.Rejected(batch.Violations.Select(v => v.Index).Distinct().Count(), RejectionReason.Invalid);
        var total = await ApplyAsync(batch, request.RestartErased, context);
        var ack = new TrackStreamAck { Applied = total.Result.Applied, Duplicates = total.Result.Duplicates };
        ack.Rejections.AddRange(batch.Violations.Select(v => v.ToRejection()));
        ack.Rejections.AddRange(total.Erased.SelectMany(first => batch.Indices[first]).Order().Select(index => Erased(index).ToRejection()));
        return ack;
    }

    /// <summary>An acknowledgement of a batch none of whose events was applied: one rejection, index -1, for the whole batch.</summary>
    private TrackStreamAck RefusedWhole(FieldViolation problem, int events)
    {
        metrics.Rejected(events, RejectionReason.Invalid);
        return new TrackStreamAck { Rejections = { new EventRejection { Index = WholeBatch, Field = problem.Field, Description = problem.Description } } };
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
        var customer = grains.GetCustomer(request.WorkspaceId, request.CustomerId);
        var result = await StoreAsync(1, request.RestartErased, customer, async () => (await AliasFollowing.CallAsync(grains, _identity.MaxHops, request.WorkspaceId, request.CustomerId, c => c.IdentifyAsync(update))).Result
            ? new TrackResult(1, 0)
            : new TrackResult(0, 1))
            ?? throw ErasedCustomers.Refused([new FieldViolation("customer_id", ErasedCustomers.Description)]);
        return new IdentifyResponse { Outcome = result.Applied == 1 ? EventOutcome.Applied : EventOutcome.Duplicate };
    }

    /// <summary>What makes a batch unacceptable as a whole (empty, or over the size limit), or null.</summary>
    private FieldViolation? BatchProblem(TrackBatchRequest request) => request.Events.Count switch
    {
        0 => new FieldViolation("events", "at least one event is required"),
        var count when count > _options.MaxBatchSize => new FieldViolation("events", $"at most {_options.MaxBatchSize} events per batch are accepted (got {count}); split the batch"),
        _ => null,
    };

    /// <summary>
    /// Valid events grouped by customer (in request order), and the problems of the others. With
    /// <paramref name="refuseForbidden"/> (a stream, where one batch must not end the stream), an event of a workspace
    /// the key may not ingest into is one of those problems; otherwise applying the batch fails with PERMISSION_DENIED.
    /// </summary>
    private async Task<MappedBatch> MapBatchAsync(TrackBatchRequest request, ServerCallContext context, bool refuseForbidden)
    {
        var caller = context.Caller();
        var schemas = await SchemasAsync(request.Events, context);
        var now = time.GetUtcNow();
        var violations = new List<EventViolation>();
        var found = new List<FieldViolation>(); // one event's problems, named by the event's own fields
        var byCustomer = new Dictionary<(string Workspace, string Customer), List<CustomerEvent>>();
        var firsts = new Dictionary<(string Workspace, string Customer), int>();
        var indices = new Dictionary<int, List<int>>(); // by the customer's first index: every index of its events
        for (var i = 0; i < request.Events.Count; i++)
        {
            var proto = request.Events[i];
            found.Clear();
            if (EventMapping.Map(proto, now, _limits, found, SchemaOf(schemas, proto)) is not { } incoming)
            {
                foreach (var problem in found)
                {
                    violations.Add(new EventViolation(i, problem));
                }

                continue; // keep validating to report every problem
            }

            if (refuseForbidden && !caller.Allows(incoming.WorkspaceId, ApiKeyScopes.Ingest))
            {
                violations.Add(new EventViolation(i, "workspace_id", $"this API key may not ingest into workspace '{incoming.WorkspaceId}'"));
                continue;
            }

            var key = (incoming.WorkspaceId, incoming.CustomerId);
            if (!byCustomer.TryGetValue(key, out var events))
            {
                byCustomer[key] = events = [];
                firsts[key] = i;
                indices[i] = [];
            }

            events.Add(incoming.Event);
            indices[firsts[key]].Add(i);
        }

        return new MappedBatch(byCustomer, violations, firsts, indices);
    }

    /// <summary>
    /// The schemas of the workspaces the events name, for checking property types. Only workspaces the caller may
    /// ingest into are looked up: the others are refused with PERMISSION_DENIED, and their schema stays private.
    /// </summary>
    private async Task<Dictionary<string, WorkspaceSchema>> SchemasAsync(IEnumerable<Event?> events, ServerCallContext context)
    {
        var caller = context.Caller();
        var schemas = new Dictionary<string, WorkspaceSchema>(StringComparer.Ordinal);
        foreach (var workspaceId in events.Select(e => e?.WorkspaceId).Distinct(StringComparer.Ordinal))
        {
            if (workspaceId is not null && Identifiers.CheckWorkspaceId(workspaceId, _limits.MaxWorkspaceIdLength) is null && caller.Allows(workspaceId, ApiKeyScopes.Ingest))
            {
                schemas[workspaceId] = (await catalog.GetAsync(workspaceId, context.CancellationToken)).Model.Schema;
            }
        }

        return schemas;
    }

    private static WorkspaceSchema? SchemaOf(Dictionary<string, WorkspaceSchema> schemas, Event? proto) =>
        proto is not null && schemas.TryGetValue(proto.WorkspaceId, out var schema) ? schema : null;

    /// <summary>The batch's customers' events stored, and the first index of each customer refused as erased, in order.</summary>
    private async Task<(TrackResult Result, IReadOnlyList<int> Erased)> ApplyAsync(MappedBatch batch, bool restartErased, ServerCallContext context)
    {
        foreach (var workspaceId in batch.ByCustomer.Keys.Select(k => k.Workspace).Distinct(StringComparer.Ordinal))
        {
            context.Demand(workspaceId, ApiKeyScopes.Ingest);
        }

        var results = await Task.WhenAll(batch.ByCustomer.Select(async p => (First: batch.FirstIndex[p.Key], Result: await TrackAsync(p.Key.Workspace, p.Key.Customer, [.. p.Value], restartErased))));
        var total = results.Aggregate(TrackResult.None, (sum, r) => r.Result is { } stored ? sum.Add(stored) : sum);
        return (total, [.. results.Where(r => r.Result is null).Select(r => r.First).Order()]);
    }

    /// <summary>One customer's events (followed to the customer an alias resolves to), counted by how they ended; null when the customer id is erased and may not restart.</summary>
    private Task<TrackResult?> TrackAsync(string workspaceId, string customerId, CustomerEvent[] events, bool restartErased) =>
        StoreAsync(events.Length, restartErased, grains.GetCustomer(workspaceId, customerId), () => AliasFollowing.TrackAsync(grains, _identity.MaxHops, workspaceId, customerId, events));

    /// <summary>
    /// Stores <paramref name="records"/> journal records through a customer call, counting the outcome; null when the
    /// customer id is erased and <paramref name="restartErased"/> does not allow a new customer under it.
    /// </summary>
    private async Task<TrackResult?> StoreAsync(int records, bool restartErased, ICustomerGrain customer, Func<Task<TrackResult>> store)
    {
        try
        {
            var result = await ErasedCustomers.CallAsync(customer, restartErased, store);
            if (result is null)
            {
                metrics.Rejected(records, RejectionReason.Erased);
                return null;
            }

            metrics.Applied(result.Applied, result.Duplicates);
            return result;
        }
        catch (Exception ex)
        {
            metrics.Rejected(records, Failures.RejectionReason(ex));
            throw;
        }
    }

    private RpcException Invalid(int events, IReadOnlyList<FieldViolation> violations)
    {
        metrics.Rejected(events, RejectionReason.Invalid);
        return InvalidArgument.Create(violations);
    }

    /// <summary>The index of a rejection that concerns the whole batch (see TrackStreamAck in ingest.proto).</summary>
    internal const int WholeBatch = -1;

    /// <summary>The event at <paramref name="index"/> belongs to an erased customer id.</summary>
    private static EventViolation Erased(int index) => new(index, "customer_id", ErasedCustomers.Description);

    /// <summary>
    /// Valid events by customer, the problems of the others, each customer's first index in the batch and, by that
    /// first index, the indices of all of its events.
    /// </summary>
    private sealed record MappedBatch(
        Dictionary<(string Workspace, string Customer), List<CustomerEvent>> ByCustomer,
        List<EventViolation> Violations,
        Dictionary<(string Workspace, string Customer), int> FirstIndex,
        Dictionary<int, List<int>> Indices);
}
