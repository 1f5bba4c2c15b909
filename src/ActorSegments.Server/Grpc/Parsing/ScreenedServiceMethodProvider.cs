using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace ActorSegments.Server.Grpc.Parsing;

/// <summary>
/// Discovers a gRPC service's methods through its generated <c>BindService</c>, like grpc-dotnet's default provider
/// (which <see cref="MessageParsingRegistration"/> replaces), with request marshallers that refuse unparseable
/// messages as INVALID_ARGUMENT. Applies to every service the server maps: its own, health and reflection.
/// </summary>
internal sealed class ScreenedServiceMethodProvider<TService>(MalformedMessageLog log) : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is not { } binding)
            {
                continue;
            }

            // BindService(ServiceBinderBase, TServiceBase): the second parameter is the generated base class.
            var bind = binding.BindType.GetMethod(binding.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                ?? throw new InvalidOperationException($"{binding.BindType} has no BindService method for {type}.");
            bind.Invoke(null, [new ScreenedServiceBinder<TService>(context, type, log), null]);
            return;
        }
    }
}
