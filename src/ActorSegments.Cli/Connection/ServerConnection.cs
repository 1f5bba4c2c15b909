using ActorSegments.Protos.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace ActorSegments.Cli.Connection;

/// <summary>One channel to a server and a client per service, every call carrying the API key when there is one.</summary>
internal sealed class ServerConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    private ServerConnection(GrpcChannel channel, CallInvoker invoker, string workspace)
    {
        _channel = channel;
        Workspace = workspace;
        Ingest = new IngestService.IngestServiceClient(invoker);
        Profiles = new ProfileService.ProfileServiceClient(invoker);
        Segments = new SegmentService.SegmentServiceClient(invoker);
        Admin = new AdminService.AdminServiceClient(invoker);
        Cohorts = new CohortService.CohortServiceClient(invoker);
        Models = new ModelService.ModelServiceClient(invoker);
        Experiments = new ExperimentService.ExperimentServiceClient(invoker);
        Content = new ContentService.ContentServiceClient(invoker);
        Webhooks = new WebhookService.WebhookServiceClient(invoker);
        Catalog = new CatalogService.CatalogServiceClient(invoker);
    }

    public string Workspace { get; }

    public IngestService.IngestServiceClient Ingest { get; }

    public ProfileService.ProfileServiceClient Profiles { get; }

    public SegmentService.SegmentServiceClient Segments { get; }

    public AdminService.AdminServiceClient Admin { get; }

    public CohortService.CohortServiceClient Cohorts { get; }

    public ModelService.ModelServiceClient Models { get; }

    public ExperimentService.ExperimentServiceClient Experiments { get; }

    public ContentService.ContentServiceClient Content { get; }

    public WebhookService.WebhookServiceClient Webhooks { get; }

    public CatalogService.CatalogServiceClient Catalog { get; }

    /// <summary>
    /// Connects lazily (the first call opens the connection). Throws <see cref="UriFormatException"/> for an address
    /// that is not an absolute http(s) URL, so a typo is a usage error rather than a network one.
    /// </summary>
    public static ServerConnection Open(ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Uri.TryCreate(settings.Server, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new UriFormatException($"'{settings.Server}' is not a server address such as {ServerOptions.DefaultServer}.");
        }

        var channel = GrpcChannel.ForAddress(address);
        var invoker = settings.ApiKey is { } key
            ? channel.Intercept(headers =>
            {
                headers.Add("authorization", $"Bearer {key}");
                return headers;
            })
            : channel.CreateCallInvoker();
        return new ServerConnection(channel, invoker, settings.Workspace);
    }

    public void Dispose() => _channel.Dispose();
}
