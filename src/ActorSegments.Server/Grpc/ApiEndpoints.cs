using Grpc.AspNetCore.Server;

namespace ActorSegments.Server.Grpc;

/// <summary>Which endpoints serve the ActorSegments API: its gRPC methods, and their HTTP/JSON routes.</summary>
internal static class ApiEndpoints
{
    private const string OwnServicePrefix = "actorsegments.";

    /// <summary>Whether a gRPC method (<c>/package.Service/Method</c>) is one of the API's.</summary>
    public static bool IsApiMethod(string method) => method.Length > 1 && method.AsSpan(1).StartsWith(OwnServicePrefix, StringComparison.Ordinal);

    /// <summary>
    /// The gRPC method an endpoint serves (<c>/actorsegments.v1.IngestService/Track</c>), over gRPC or as JSON (a
    /// transcoded route carries its method's metadata too); null for any other endpoint (health checks, reflection,
    /// grpc-dotnet's catch-alls for unknown methods, the console, metrics), which stays open and ungated.
    /// </summary>
    public static string? MethodOf(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc && grpc.Method.ServiceName.StartsWith(OwnServicePrefix, StringComparison.Ordinal)
            ? grpc.Method.FullName
            : null;
}
