using Google.Protobuf.Reflection;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>Any method of a service described by its descriptor, called with raw bytes for messages.</summary>
internal static class RawMethods
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static Method<byte[], byte[]> For(MethodDescriptor descriptor) => new(
        (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        },
        descriptor.Service.FullName,
        descriptor.Name,
        Raw,
        Raw);
}
