using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Calls a customer, and the customer it is an alias of when it answers so (docs/identity.md), hop by hop up to a limit.
/// An alias never calls its target itself, so two customers never wait on each other; the gateway follows instead.
/// </summary>
internal static class AliasFollowing
{
    /// <summary>Tracks events under <paramref name="customerId"/>, or the customer it resolves to.</summary>
    public static async Task<TrackResult> TrackAsync(IGrainFactory grains, int maxHops, string workspaceId, string customerId, CustomerEvent[] events)
    {
        for (var hop = 0; ; hop++)
        {
            var result = await grains.GetCustomer(workspaceId, customerId).TrackAsync(events);
            if (result.RedirectTo is not { } next)
            {
                return result;
            }

            customerId = Next(workspaceId, customerId, next, hop, maxHops);
        }
    }

    /// <summary>
    /// A call whose result cannot carry a redirect (identify, reads): repeated where <see cref="CustomerAliasedException"/>
    /// points. Returns the result and the customer that answered.
    /// </summary>
    public static async Task<(T Result, string CustomerId)> CallAsync<T>(IGrainFactory grains, int maxHops, string workspaceId, string customerId, Func<ICustomerGrain, Task<T>> call)
    {
        for (var hop = 0; ; hop++)
        {
            string next;
            try
            {
                return (await call(grains.GetCustomer(workspaceId, customerId)), customerId);
            }
            catch (Exception ex) when (Failures.Find<CustomerAliasedException>(ex) is { } aliased)
            {
                next = aliased.CustomerId;
            }

            customerId = Next(workspaceId, customerId, next, hop, maxHops);
        }
    }

    private static string Next(string workspaceId, string customerId, string next, int hop, int maxHops) => hop < maxHops
        ? next
        : throw new RpcException(new Status(StatusCode.FailedPrecondition,
            $"Customer '{customerId}' of workspace '{workspaceId}' is still an alias after {maxHops} links (ActorSegments:Identity:MaxHops); nothing was applied."));
}
