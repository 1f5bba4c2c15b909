using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Storage;
using ActorSegments.Server.Access;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>Reads one customer's profile from its grain.</summary>
internal sealed class ProfileGrpcService(IGrainFactory grains) : ProfileService.ProfileServiceBase
{
    public override async Task<CustomerProfile> GetCustomer(GetCustomerRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, customerId: request.CustomerId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);

        var profile = await grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(request.WorkspaceId, request.CustomerId)).GetProfileAsync()
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"Customer '{request.CustomerId}' has no recorded events in workspace '{request.WorkspaceId}'."));
        return ToProto(profile);
    }

    private static CustomerProfile ToProto(CustomerProfileView profile)
    {
        var proto = new CustomerProfile
        {
            WorkspaceId = profile.WorkspaceId,
            CustomerId = profile.CustomerId,
            TotalEvents = profile.TotalEvents,
        };
        proto.EventTypes.AddRange(profile.EventTypes.Select(t => new Protos.V1.EventTypeSummary
        {
            Type = t.Type,
            Count = t.Count,
            FirstSeen = Timestamp.FromDateTimeOffset(t.FirstSeen),
            LastSeen = Timestamp.FromDateTimeOffset(t.LastSeen),
        }));
        return proto;
    }
}
