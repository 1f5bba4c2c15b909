using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorSegments.Server.Grpc.Parsing;

internal static class MessageParsingRegistration
{
    /// <summary>
    /// Binds gRPC services with <see cref="ScreenedServiceMethodProvider{TService}"/> instead of grpc-dotnet's default
    /// provider. Call after every <c>AddGrpc...</c> registration: each of them adds the default provider back.
    /// </summary>
    public static IServiceCollection AddScreenedRequestParsing(this IServiceCollection services)
    {
        // grpc-dotnet's provider is internal: it is recognised by name, and its absence stops the server at start rather
        // than leaving two providers that would map every method twice.
        var defaults = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1").ToList();
        if (defaults.Count == 0)
        {
            throw new InvalidOperationException("grpc-dotnet's BinderServiceMethodProvider is not registered; the request parsing screen cannot replace it. Register it after AddGrpc.");
        }

        foreach (var descriptor in defaults)
        {
            services.Remove(descriptor);
        }

        services.TryAddSingleton<MalformedMessageLog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(ScreenedServiceMethodProvider<>)));
        return services;
    }
}
