using System.Threading.Channels;
using ActorSegments.Protos.V1;
using ActorSegments.Workload;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace ActorSegments.SqlBaseline;

/// <summary>
/// Drives the ActorSegments server over its gRPC API from this separate process: creates the workspace and the
/// segments, then sends events with TrackBatch. Events are spread over lanes by customer and each lane sends its
/// batches one after another, so every customer's events arrive in the order they happened.
/// </summary>
public sealed class ServerClient : IDisposable
{
    private const int BatchSize = 500;
    private const int Lanes = 4;
    private readonly GrpcChannel _channel;
    private readonly IngestService.IngestServiceClient _ingest;
    private readonly SegmentService.SegmentServiceClient _segments;
    private readonly AdminService.AdminServiceClient _admin;

    public ServerClient(Uri address, string apiKey, string workspace)
    {
        _channel = GrpcChannel.ForAddress(address);
        var invoker = _channel.Intercept(headers =>
        {
            headers.Add("authorization", $"Bearer {apiKey}");
            return headers;
        });
        _ingest = new IngestService.IngestServiceClient(invoker);
        _segments = new SegmentService.SegmentServiceClient(invoker);
        _admin = new AdminService.AdminServiceClient(invoker);
        Workspace = workspace;
    }

    public string Workspace { get; }

    /// <summary>Creates the workspace (unless it exists) and one segment per (id, rule); segments that use others come last.</summary>
    public async Task CreateSegmentsAsync(IEnumerable<(string Id, string Rule)> segments)
    {
        try
        {
            await _admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = Workspace });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // a rerun against the same server
        }

        // Each creation takes seconds (the server lets a definition change settle across silos before it backfills),
        // so the independent segments are created side by side and those that name another segment after them.
        var list = segments.ToList();
        var nested = list.Where(s => s.Rule.Contains("in_segment(", StringComparison.Ordinal)).ToList();
        await Parallel.ForEachAsync(list.Except(nested), new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (segment, token) =>
            await CreateAsync(segment, token));
        foreach (var segment in nested)
        {
            await CreateAsync(segment, CancellationToken.None);
        }
    }

    private async Task CreateAsync((string Id, string Rule) segment, CancellationToken token) =>
        await _segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = Workspace, SegmentId = segment.Id, Rule = segment.Rule }, cancellationToken: token);

    /// <summary>Sends every event; returns how many the server applied (duplicates and rejections excluded).</summary>
    public async Task<long> TrackAsync(IEnumerable<WorkloadEvent> events)
    {
        var lanes = Enumerable.Range(0, Lanes).Select(_ => Channel.CreateBounded<TrackBatchRequest>(4)).ToArray();
        var senders = lanes.Select(lane => SendAsync(lane.Reader)).ToArray();
        var pending = lanes.Select(_ => new TrackBatchRequest()).ToArray();
        foreach (var evt in events)
        {
            var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(evt.CustomerId) % Lanes);
            pending[lane].Events.Add(evt.ToProto(Workspace));
            if (pending[lane].Events.Count == BatchSize)
            {
                await lanes[lane].Writer.WriteAsync(pending[lane]);
                pending[lane] = new TrackBatchRequest();
            }
        }

        for (var lane = 0; lane < Lanes; lane++)
        {
            if (pending[lane].Events.Count > 0)
            {
                await lanes[lane].Writer.WriteAsync(pending[lane]);
            }

            lanes[lane].Writer.Complete();
        }

        return (await Task.WhenAll(senders)).Sum();
    }

    public void Dispose() => _channel.Dispose();

    private async Task<long> SendAsync(ChannelReader<TrackBatchRequest> batches)
    {
        long applied = 0;
        await foreach (var batch in batches.ReadAllAsync())
        {
            applied += (await _ingest.TrackBatchAsync(batch)).Applied;
        }

        return applied;
    }
}
