using ActorSegments.Domain.Access;
using ActorSegments.Server.Access;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace ActorSegments.Server.Hosting;

internal static class AccessHostingExtensions
{
    /// <summary>
    /// API keys through ASP.NET Core: one verifier of keys (<see cref="ApiKeyAuthenticator"/>, also the console's), the
    /// API's and the dashboard's authentication schemes, and their policies. Which workspace and scope a call needs
    /// is in its request, so services check that (<see cref="CallAccess"/>); the policies require a valid key.
    /// </summary>
    /// <param name="builder">The host's builder.</param>
    /// <param name="required">False for an open server: every request acts with every scope on every workspace.</param>
    public static IHostApplicationBuilder AddActorSegmentsAccess(this IHostApplicationBuilder builder, bool required)
    {
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ApiKeyAuthenticator>(sp, required));
        builder.Services.AddSingleton<ICallerAuthenticator>(sp => sp.GetRequiredService<ApiKeyAuthenticator>());
        // No default scheme: only endpoints with a policy authenticate, each with its policy's scheme; health checks,
        // metrics and reflection never look at a key, which a default scheme would make every request do.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccessPolicies.ApiKeyScheme, configureOptions: null)
            .AddScheme<AuthenticationSchemeOptions, DashboardAuthenticationHandler>(AccessPolicies.DashboardScheme, configureOptions: null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Caller, policy => policy.AddAuthenticationSchemes(AccessPolicies.ApiKeyScheme).RequireAuthenticatedUser())
            .AddPolicy(AccessPolicies.Dashboard, policy => policy.AddAuthenticationSchemes(AccessPolicies.DashboardScheme).RequireAuthenticatedUser()
                .RequireAssertion(context => ApiKeyClaims.Caller(context.User) is { IsUnrestricted: true }));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>
    /// Requires a caller's key (<see cref="AccessPolicies.Caller"/>) on a service's methods, gRPC and JSON alike (the
    /// same endpoints). Not on the catch-alls grpc-dotnet maps with the first service for unknown methods and services:
    /// those answer UNIMPLEMENTED whoever calls.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder RequireCallerKey(this GrpcServiceEndpointConventionBuilder service)
    {
        var policy = new AuthorizeAttribute(AccessPolicies.Caller);
        // After grpc-dotnet's own convention, which gave each method's endpoint its metadata when it was mapped.
        service.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<GrpcMethodMetadata>().Any())
            {
                endpoint.Metadata.Add(policy);
            }
        });
        return service;
    }
}
