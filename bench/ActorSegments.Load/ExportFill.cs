using ActorSegments.Protos.V1;
using ActorSegments.Workload;

namespace ActorSegments.Load;

/// <summary>
/// A segment made large for the export scenario: a fresh workspace whose one segment every customer enters with its
/// first page view, then <see cref="LoadOptions.ExportCustomers"/> customers with one page view each, sent in closed
/// loop and bounded by <see cref="LoadOptions.Duration"/> like any run.
/// </summary>
internal static class ExportFill
{
    public const string Segment = "export-all";

    public static async Task<(SegmentRef Target, RunResult Fill)> RunAsync(LoadConnection connection, LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceSetup.CreateAsync(connection, WorkspaceSetup.NewWorkspaceId(0), [(Segment, "did(page_viewed)")], progress, cancellationToken);
        var customers = options.ExportCustomers;
        var perRequest = options.BatchSize;
        var viewedAt = DateTimeOffset.UtcNow;
        var requests = new GeneratedRequests((customers + perRequest - 1) / perRequest, r =>
        {
            var request = new TrackBatchRequest();
            for (var i = r * perRequest; i < Math.Min(customers, (r + 1) * perRequest); i++)
            {
                var view = new WorkloadEvent(WorkloadEvents.CustomerId(i), $"export-{i}", "page_viewed", viewedAt, new Dictionary<string, object> { ["path"] = "/" });
                request.Events.Add(view.ToProto(workspace));
            }

            return request;
        });
        var fill = await ClosedLoop.RunAsync(connection, options with { Mode = IngestMode.Batch }, requests, options.Duration, cancellationToken);
        progress.WriteLine($"  filled {fill.Applied:N0} of {customers:N0} customers in {fill.Elapsed.TotalSeconds:0.0} s: {fill.EventsPerSecond:N0}/s");
        return (new SegmentRef(workspace, Segment), fill);
    }
}

/// <summary>One segment of one workspace.</summary>
public sealed record SegmentRef(string Workspace, string Segment);
