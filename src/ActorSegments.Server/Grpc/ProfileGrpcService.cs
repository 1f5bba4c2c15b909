using ActorSegments.Abstractions.Customers;
using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>Reads one customer's profile, explains a segment for them, and erases them, through the customer's grain.</summary>
internal sealed class ProfileGrpcService(IGrainFactory grains, CohortNames cohortNames) : ProfileService.ProfileServiceBase
{
    public override async Task<CustomerProfile> GetCustomer(GetCustomerRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, customerId: request.CustomerId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var profile = await grains.GetCustomer(request.WorkspaceId, request.CustomerId).GetProfileAsync()
            ?? throw NoSuchCustomer(request.WorkspaceId, request.CustomerId);
        var cohortName = profile.Cohort is { } cohort ? await cohortNames.NameAsync(request.WorkspaceId, cohort, context.CancellationToken) : null;
        return ProfileMapping.ToProto(profile, cohortName);
    }

    public override async Task<SegmentExplanation> ExplainSegment(ExplainSegmentRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, request.SegmentId, request.CustomerId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var segment = await grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(request.WorkspaceId, request.SegmentId)).GetStatsAsync()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Segment '{request.SegmentId}' does not exist in workspace '{request.WorkspaceId}'."));
        var explanation = await grains.GetCustomer(request.WorkspaceId, request.CustomerId).ExplainAsync(request.SegmentId)
            ?? throw NoSuchCustomer(request.WorkspaceId, request.CustomerId);
        return new SegmentExplanation
        {
            SegmentId = explanation.SegmentId,
            Rule = segment.Rule,
            Matches = explanation.Matches,
            Member = explanation.Member,
            Trace = ProfileMapping.ToProto(explanation.Trace),
        };
    }

    public override async Task<DeleteCustomerResponse> DeleteCustomer(DeleteCustomerRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, customerId: request.CustomerId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        var erased = await grains.GetCustomer(request.WorkspaceId, request.CustomerId).EraseAsync(context.Caller().KeyId);
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
