using System.Collections.Concurrent;
using ActorSegments.Protos.V1;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace ActorSegments.Cluster.Tests.Harness;

/// <summary>
/// The gRPC addresses a client spreads its calls over, one slot per silo, as a client behind a plain load balancer
/// would: it does not know which silo is down, so a dead silo's address stays in the rotation until the slot gets a
/// replacement. Channels are kept per address and send the API key with every call.
/// </summary>
internal sealed class Gateways(int slots, string apiKey) : IDisposable
{
    private readonly string?[] _slots = new string?[slots];
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();
    private readonly Lock _gate = new();
    private int _next;

    /// <summary>Puts an address in <paramref name="slot"/>, or takes the slot out of the rotation (null), as a load balancer does with a backend that fails its health check.</summary>
    public void Set(int slot, string? address)
    {
        lock (_gate)
        {
            _slots[slot] = address;
        }
    }

    /// <summary>The next address in the rotation.</summary>
    public string Next()
    {
        lock (_gate)
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                if (_slots[_next++ % _slots.Length] is { } address)
                {
                    return address;
                }
            }
        }

        throw new InvalidOperationException("no gateway address is set");
    }

    public ApiClients For(string address)
    {
        var channel = _channels.GetOrAdd(address, a => GrpcChannel.ForAddress(a, new GrpcChannelOptions
        {
            // A refused or silent address should fail a call soon, so the client moves on to the next one.
            HttpHandler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3), EnableMultipleHttp2Connections = true },
            DisposeHttpClient = true,
        }));
        var invoker = channel.Intercept(headers =>
        {
            headers.Add("authorization", $"Bearer {apiKey}");
            return headers;
        });
        return new ApiClients(
            new IngestService.IngestServiceClient(invoker),
            new ProfileService.ProfileServiceClient(invoker),
            new SegmentService.SegmentServiceClient(invoker),
            new AdminService.AdminServiceClient(invoker),
            new ExperimentService.ExperimentServiceClient(invoker),
            new WebhookService.WebhookServiceClient(invoker));
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}

/// <summary>One client per service, all through one address with the same key.</summary>
internal sealed record ApiClients(
    IngestService.IngestServiceClient Ingest,
    ProfileService.ProfileServiceClient Profiles,
    SegmentService.SegmentServiceClient Segments,
    AdminService.AdminServiceClient Admin,
    ExperimentService.ExperimentServiceClient Experiments,
    WebhookService.WebhookServiceClient Webhooks);
