using ActorSegments.Server.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ActorSegments.Server.Access;

/// <summary>
/// ASP.NET Core answers a failed authorization with a bare HTTP 401 or 403, which a gRPC client reads as "bad gRPC
/// response" and no message. For the API's endpoints (gRPC and JSON) the refusal is instead recorded
/// (<see cref="RefusedCall"/>) and answered as a status by the gRPC layer: UNAUTHENTICATED with what to send, over JSON
/// HTTP 401 with the same status as body. Every other endpoint (the dashboard, the console) is answered as usual.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _usual = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || ApiEndpoints.MethodOf(context.GetEndpoint()) is null)
        {
            return _usual.HandleAsync(next, context, policy, authorizeResult);
        }

        RecordRefusal(context, authorizeResult);
        return next(context);
    }

    private static void RecordRefusal(HttpContext context, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            RefusedCall.Record(context, new Status(StatusCode.Unauthenticated, ApiKeyAuthenticationHandler.NoValidKey));
            return;
        }

        var reasons = result.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        RefusedCall.Record(context, new Status(StatusCode.PermissionDenied, reasons.Count > 0 ? string.Join(" ", reasons) : "This API key may not make this call."));
    }
}
