using ActorSegments.Protos.V1;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace ActorSegments.Load;

/// <summary>The gRPC clients of one server, all sending the API key as a bearer token.</summary>
public sealed class LoadConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    // oneConnection: a single HTTP/2 connection, as a producer holding one connection has (its calls share its 100
    // streams); otherwise several, so that concurrent callers are not serialized on one connection's streams.
    public LoadConnection(Uri address, string? apiKey, bool oneConnection = false)
    {
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = !oneConnection },
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
        Experiments = new ExperimentService.ExperimentServiceClient(invoker);
        Webhooks = new WebhookService.WebhookServiceClient(invoker);
        Profiles = new ProfileService.ProfileServiceClient(invoker);
    }

    public IngestService.IngestServiceClient Ingest { get; }

    public SegmentService.SegmentServiceClient Segments { get; }

    public AdminService.AdminServiceClient Admin { get; }

    public ExperimentService.ExperimentServiceClient Experiments { get; }

    public WebhookService.WebhookServiceClient Webhooks { get; }

    public ProfileService.ProfileServiceClient Profiles { get; }

    public void Dispose() => _channel.Dispose();
}
