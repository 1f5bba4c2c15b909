using ActorSegments.Protos.V1;
using ActorSegments.Workload;
using Grpc.Core;

namespace ActorSegments.Load;

/// <summary>A fresh workspace per run, with the workload's segments live before any event is sent.</summary>
internal static class WorkspaceSetup
{
    /// <summary>Enters when a customer first does the one event type the workload mix never produces.</summary>
    public const string ProbeSegment = "load-probe";
    public const string ProbeEventType = "email_replied";

    public static async Task<string> CreateAsync(LoadConnection connection, LoadOptions options, int run, TextWriter progress, CancellationToken cancellationToken)
    {
        var workspace = $"load-{DateTime.UtcNow:yyyyMMddHHmmss}-{run}-{Random.Shared.Next(1_000_000):D6}";
        await connection.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, cancellationToken: cancellationToken);
        var segments = new List<(string Id, string Rule)> { (ProbeSegment, $"did({ProbeEventType})") };
        if (options.Segments)
        {
            segments.AddRange(WorkloadSegments.All);
        }

        foreach (var (id, rule) in segments)
        {
            await connection.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = id, Rule = rule }, cancellationToken: cancellationToken);
        }

        await WaitUntilLiveAsync(connection, workspace, segments.Count, cancellationToken);
        progress.WriteLine($"workspace {workspace}: {segments.Count} segments live");
        return workspace;
    }

    private static async Task WaitUntilLiveAsync(LoadConnection connection, string workspace, int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var list = await connection.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = workspace }, cancellationToken: cancellationToken);
            var live = list.Segments.Count(s => s.Status == SegmentStatus.Live);
            if (live == count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"only {live} of {count} segments became live in workspace {workspace}"));
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
