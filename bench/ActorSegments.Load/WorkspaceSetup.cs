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

    /// <summary>Each setup call's limit: a server that stops answering fails the run instead of hanging it.</summary>
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A fresh workspace with the probe segment, and the workload's segments and a running experiment when the options
    /// say so.
    /// </summary>
    public static async Task<string> CreateAsync(LoadConnection connection, LoadOptions options, int run, TextWriter progress, CancellationToken cancellationToken)
    {
        var segments = new List<(string Id, string Rule)> { (ProbeSegment, $"did({ProbeEventType})") };
        if (options.Segments)
        {
            segments.AddRange(WorkloadSegments.All);
        }

        var workspace = await CreateAsync(connection, NewWorkspaceId(run), segments, progress, cancellationToken);
        if (options.Experiment)
        {
            await ExperimentSetup.StartAsync(connection, workspace, progress, cancellationToken);
            await WaitUntilLiveAsync(connection, workspace, segments.Count + ExperimentSetup.Segments, cancellationToken);
        }

        return workspace;
    }

    /// <summary>Creates <paramref name="workspace"/> with <paramref name="segments"/> and waits until all are live.</summary>
    public static async Task<string> CreateAsync(LoadConnection connection, string workspace, IReadOnlyList<(string Id, string Rule)> segments, TextWriter progress, CancellationToken cancellationToken)
    {
        await connection.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, deadline: Deadline(), cancellationToken: cancellationToken);

        // Concurrently: on PostgreSQL each new segment's grain first waits a few seconds for the definitions to settle
        // across silos, and CreateSegment answers only after that, so one by one would take minutes. Segments that
        // name other segments come in a second wave, once those exist.
        foreach (var wave in segments.GroupBy(s => s.Rule.Contains("in_segment(", StringComparison.Ordinal)).OrderBy(g => g.Key))
        {
            await Task.WhenAll(wave.Select(s => connection.Segments.CreateSegmentAsync(
                new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = s.Id, Rule = s.Rule }, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync));
        }

        await WaitUntilLiveAsync(connection, workspace, segments.Count, cancellationToken);
        progress.WriteLine($"workspace {workspace}: {segments.Count} segments live");
        return workspace;
    }

    /// <summary>A workspace id no earlier run has used, of the same length for every run.</summary>
    public static string NewWorkspaceId(int run) => $"load-{DateTime.UtcNow:yyyyMMddHHmmss}-{run}-{Random.Shared.Next(1_000_000):D6}";

    private static DateTime Deadline() => DateTime.UtcNow + CallLimit;

    private static async Task WaitUntilLiveAsync(LoadConnection connection, string workspace, int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var list = await connection.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = workspace }, deadline: Deadline(), cancellationToken: cancellationToken);
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
