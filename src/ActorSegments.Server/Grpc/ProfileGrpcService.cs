using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Customers;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Grpc;

/// <summary>Reads one customer's profile, explains a segment for them, and erases them, through the customer's grain.</summary>
internal sealed class ProfileGrpcService(IGrainFactory grains, CohortNames cohortNames, IOptions<IdentityOptions> identity) : ProfileService.ProfileServiceBase
{
    public override async Task<CustomerProfile> GetCustomer(GetCustomerRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, customerId: request.CustomerId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var (found, customerId) = await AliasFollowing.CallAsync(grains, identity.Value.MaxHops, request.WorkspaceId, request.CustomerId, c => c.GetProfileAsync());
        var profile = found ?? throw NoSuchCustomer(request.WorkspaceId, request.CustomerId);
        var cohortName = profile.Cohort is { } cohort ? await cohortNames.NameAsync(request.WorkspaceId, cohort, context.CancellationToken) : null;
        var proto = ProfileMapping.ToProto(profile, cohortName);
        proto.AliasId = AliasId(request.CustomerId, customerId);
        return proto;
    }

    public override async Task<SegmentExplanation> ExplainSegment(ExplainSegmentRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, request.SegmentId, request.CustomerId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var segment = await grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(request.WorkspaceId, request.SegmentId)).GetStatsAsync()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Segment '{request.SegmentId}' does not exist in workspace '{request.WorkspaceId}'."));
        var (found, customerId) = await AliasFollowing.CallAsync(grains, identity.Value.MaxHops, request.WorkspaceId, request.CustomerId, c => c.ExplainAsync(request.SegmentId));
        var explanation = found ?? throw NoSuchCustomer(request.WorkspaceId, request.CustomerId);
        return new SegmentExplanation
        {
            SegmentId = explanation.SegmentId,
            Rule = segment.Rule,
            Matches = explanation.Matches,
            Member = explanation.Member,
            Trace = ProfileMapping.ToProto(explanation.Trace),
            CustomerId = customerId,
            AliasId = AliasId(request.CustomerId, customerId),
        };
    }

    /// <summary>The id the request named when it resolved to another customer (an alias), else empty.</summary>
    private static string AliasId(string requested, string answered) =>
        string.Equals(requested, answered, StringComparison.Ordinal) ? string.Empty : requested;

    public override async Task<DeleteCustomerResponse> DeleteCustomer(DeleteCustomerRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, customerId: request.CustomerId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        // An alias is erased with the customer it was linked into, the same person (docs/privacy.md).
        var (erased, _) = await AliasFollowing.CallAsync(grains, identity.Value.MaxHops, request.WorkspaceId, request.CustomerId, c => c.EraseAsync(context.Caller().KeyId));
        return new DeleteCustomerResponse
        {
            Found = erased.Found,
            AlreadyErased = erased.AlreadyErased,
            Exits = { erased.Exits },
            RemovedRows = { erased.Rows.ToDictionary(StringComparer.Ordinal) },
            IdHash = erased.IdHash,
        };
    }

    private static RpcException NoSuchCustomer(string workspaceId, string customerId) =>
        new(new Status(StatusCode.NotFound, $"Customer '{customerId}' has no recorded events in workspace '{workspaceId}'."));
}
