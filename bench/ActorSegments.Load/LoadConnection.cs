using ActorSegments.Protos.V1;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace ActorSegments.Load;

/// <summary>The gRPC clients of one server, all sending the API key as a bearer token.</summary>
public sealed class LoadConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public LoadConnection(Uri address, string? apiKey)
    {
        // Several HTTP/2 connections, so that concurrent callers are not serialized on one connection's streams.
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
        var invoker = apiKey is null
            ? _channel.CreateCallInvoker()
            : _channel.Intercept(headers =>
            {
                headers.Add("authorization", $"Bearer {apiKey}");
                return headers;
            });
        Ingest = new IngestService.IngestServiceClient(invoker);
        Segments = new SegmentService.SegmentServiceClient(invoker);
        Admin = new AdminService.AdminServiceClient(invoker);
    }

    public IngestService.IngestServiceClient Ingest { get; }

    public SegmentService.SegmentServiceClient Segments { get; }

    public AdminService.AdminServiceClient Admin { get; }

    public void Dispose() => _channel.Dispose();
}
