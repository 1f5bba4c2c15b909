using ActorSegments.Protos.V1;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace ActorSegments.Server.Admission;

/// <summary>
/// Which requests pass the request-level gate: the unary ingest calls (Track, TrackBatch, Identify), over gRPC or
/// as JSON. TrackStream is not among them: a stream is admitted batch by batch, as each batch's size becomes known.
/// </summary>
internal static class IngestRoute
{
    /// <summary>Null when the endpoint is not a unary ingest call; otherwise whether it is the JSON form of one.</summary>
    public static bool? IsJson(Endpoint? endpoint)
    {
        if (endpoint is null)
        {
            return null;
        }

        if (endpoint.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } json)
        {
            return json.MethodDescriptor.Service.FullName == IngestService.Descriptor.FullName ? true : null;
        }

        return endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is { Method: { Type: MethodType.Unary } method }
            && method.ServiceName == IngestService.Descriptor.FullName ? false : null;
    }
}
