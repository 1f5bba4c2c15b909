using ActorSegments.Domain.Access;
using ActorSegments.Domain.Storage;
using Grpc.Core;

namespace ActorSegments.Server.Access;

/// <summary>
/// What the authenticated caller may do, checked by services once they have read the request: which workspace a call
/// is for is in the request message, which ASP.NET Core's authorization (<see cref="AccessPolicies.Caller"/>) runs
/// before. Checked after the request is validated, so a bad request is refused as such whoever sends it.
/// </summary>
internal static class CallAccess
{
    /// <summary>The caller the request's key stands for; UNAUTHENTICATED when it was not authenticated.</summary>
    public static Caller Caller(this ServerCallContext context) =>
        ApiKeyClaims.Caller(context.GetHttpContext().User)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The call was not authenticated."));

    /// <summary>PERMISSION_DENIED unless the caller has <paramref name="scope"/> on <paramref name="workspaceId"/>.</summary>
    public static void Demand(this ServerCallContext context, string workspaceId, ApiKeyScopes scope)
    {
        var caller = context.Caller();
        if (!caller.Allows(workspaceId, scope))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, caller.WorkspaceId is { } own && own != workspaceId
                ? $"This API key belongs to workspace '{own}' and cannot be used for workspace '{workspaceId}'."
                : $"This API key lacks the '{scope.ToString().ToLowerInvariant()}' scope on workspace '{workspaceId}'."));
        }
    }

    /// <summary>PERMISSION_DENIED unless the caller may act on every workspace (creating workspaces).</summary>
    public static void DemandUnrestricted(this ServerCallContext context)
    {
        if (!context.Caller().IsUnrestricted)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Only the bootstrap key may manage workspaces."));
        }
    }
}
