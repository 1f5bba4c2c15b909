using ActorSegments.Cluster.Tests.Ingest;
using ActorSegments.Cluster.Tests.Verification;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;

namespace ActorSegments.Cluster.Tests.Harness;

/// <summary>The workspace and its segments, created through the admin and segment APIs before any event is sent.</summary>
internal static class Definitions
{
    public static async Task CreateAsync(ApiClients client, Workload workload, CancellationToken cancellationToken)
    {
        await Retrying.CallAsync(
            o => client.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workload.WorkspaceId, DisplayName = "Failure tests" }, o),
            cancellationToken);
        foreach (var segment in workload.Segments)
        {
            await Retrying.CallAsync(
                o => client.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workload.WorkspaceId, SegmentId = segment.Id, Rule = segment.Rule }, o),
                cancellationToken);
        }

        await Retrying.CallAsync(
            o => client.Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = workload.WorkspaceId, Experiment = FailoverExperiment.Message }, o),
            cancellationToken);
        await Retrying.CallAsync(
            o => client.Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = workload.WorkspaceId, ExperimentId = FailoverExperiment.Id }, o),
            cancellationToken);
        string[] segmentIds = [.. workload.Segments.Select(s => s.Id), $"exp-{FailoverExperiment.Id}", .. FailoverExperiment.Arms.Select(a => $"exp-{FailoverExperiment.Id}-{a}")];

        // Live before ingest starts, so every event is evaluated as it arrives rather than by a backfill.
        var statuses = await Eventually.ReturnsAsync(
            () => Task.WhenAll(segmentIds.Select(id => Retrying.CallAsync(
                o => client.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workload.WorkspaceId, SegmentId = id }, o), cancellationToken))),
            segments => segments.All(s => s.Status == SegmentStatus.Live),
            TimeSpan.FromSeconds(60));
        Assert.All(statuses, s => Assert.Equal(SegmentStatus.Live, s.Status));
    }
}
