using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace ActorSegments.Server.Grpc.Parsing;

/// <summary>
/// Receives a generated service's methods (its static <c>BindService</c>) and adds each to the endpoint model as
/// grpc-dotnet's own binder does, except that the request marshaller turns a parse failure into
/// <see cref="UnparseableMessageException"/>: messages are parsed before any interceptor runs, so this is the only
/// layer that can answer INVALID_ARGUMENT for them.
/// </summary>
internal sealed class ScreenedServiceBinder<TService>(ServiceMethodProviderContext<TService> context, Type serviceBase, MalformedMessageLog log) : ServiceBinderBase
    where TService : class
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        Bind<TRequest, TResponse, UnaryServerMethod<TService, TRequest, TResponse>>(method, context.AddUnaryMethod);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        Bind<TRequest, TResponse, ServerStreamingServerMethod<TService, TRequest, TResponse>>(method, context.AddServerStreamingMethod);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        Bind<TRequest, TResponse, ClientStreamingServerMethod<TService, TRequest, TResponse>>(method, context.AddClientStreamingMethod);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        Bind<TRequest, TResponse, DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method, context.AddDuplexStreamingMethod);

    /// <summary>Adds the method with the screened marshaller, its metadata, and an invoker of the service's implementation.</summary>
    private void Bind<TRequest, TResponse, TInvoker>(Method<TRequest, TResponse> method, Action<Method<TRequest, TResponse>, IList<object>, TInvoker> add)
        where TRequest : class
        where TResponse : class
        where TInvoker : Delegate
    {
        var metadata = Metadata(method, out var implementation);
        add(Screened(method), metadata, (TInvoker)Delegate.CreateDelegate(typeof(TInvoker), implementation));
    }

    private Method<TRequest, TResponse> Screened<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var inner = method.RequestMarshaller;
        var requests = new Marshaller<TRequest>(inner.ContextualSerializer, deserialization =>
        {
            try
            {
                return inner.ContextualDeserializer(deserialization);
            }
            catch (InvalidProtocolBufferException ex)
            {
                log.Refused(method.FullName, ex.Message);
                throw new UnparseableMessageException(typeof(TRequest).Name, ex.Message);
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requests, method.ResponseMarshaller);
    }

    /// <summary>The endpoint metadata grpc-dotnet gives a method: the service's and the method's attributes, POST only.</summary>
    private List<object> Metadata<TRequest, TResponse>(Method<TRequest, TResponse> method, out MethodInfo implementation)
        where TRequest : class
        where TResponse : class
    {
        var parameters = method.Type switch
        {
            MethodType.Unary => [typeof(TRequest), typeof(ServerCallContext)],
            MethodType.ServerStreaming => [typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)],
            MethodType.ClientStreaming => [typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)],
            _ => new[] { typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext) },
        };
        implementation = Implementation(method.Name, parameters);
        return
        [
            .. typeof(TService).GetCustomAttributes(inherit: true),
            .. implementation.GetCustomAttributes(inherit: true),
            new Microsoft.AspNetCore.Routing.HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
        ];
    }

    /// <summary>The service's override of the generated base method (or the base method, which answers UNIMPLEMENTED).</summary>
    private MethodInfo Implementation(string name, Type[] parameters)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            var candidate = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters);
            if (candidate is null)
            {
                break;
            }

            // A method that hides the generated one instead of overriding it is not the handler; look further down.
            if (candidate.IsVirtual && candidate.GetBaseDefinition().DeclaringType == serviceBase)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Could not find the implementation of '{name}' on {typeof(TService)}.");
    }
}
