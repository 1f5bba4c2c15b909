using ActorSegments.Domain.Access;
using ActorSegments.Domain.Storage;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ActorSegments.Server.Access;

/// <summary>
/// Authenticates every call of the ActorSegments services by its API key (<c>authorization: Bearer &lt;key&gt;</c> or
/// <c>x-api-key: &lt;key&gt;</c>); without a valid key a call fails with UNAUTHENTICATED before any work. Which
/// workspace and scope a call needs is checked by the service (<see cref="CallAccess.Demand"/>), which knows the
/// request. Health checks and reflection stay open: probes and tools carry no key.
/// </summary>
internal sealed class AuthInterceptor(ApiKeyAuthenticator authenticator) : Interceptor
{
    private const string OwnServicePrefix = "/actorsegments.";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task AuthenticateAsync(ServerCallContext context)
    {
        if (!context.Method.StartsWith(OwnServicePrefix, StringComparison.Ordinal))
        {
            return;
        }

        var caller = await authenticator.AuthenticateAsync(PresentedKey(context.RequestHeaders), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated,
                "A valid API key is required: send 'authorization: Bearer <key>' (or 'x-api-key: <key>'). The key is missing, unknown, revoked or wrong."));
        context.UserState[CallAccess.CallerKey] = caller;
    }

    private static string? PresentedKey(Metadata headers)
    {
        const string bearer = "Bearer ";
        var authorization = headers.GetValue("authorization");
        if (authorization is not null && authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[bearer.Length..];
        }

        return headers.GetValue("x-api-key");
    }
}

/// <summary>What the authenticated caller may do, checked by services once they know the request's workspace.</summary>
internal static class CallAccess
{
    public const string CallerKey = "actorsegments.caller";

    public static Caller Caller(this ServerCallContext context) =>
        context.UserState.TryGetValue(CallerKey, out var caller) && caller is Caller known
            ? known
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "The call was not authenticated."));

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
