using System.Diagnostics;
using ActorSegments.BenchSupport;
using ActorSegments.Protos.V1;

namespace ActorSegments.Load;

/// <summary>
/// A full export of a segment's members over the API, as an ESP sync job's initial load does it: ListMembers from
/// the first page to the last, pages of the largest size allowed, checked against the member count GetSegment gives.
/// The segment is either filled for the purpose (<see cref="LoadOptions.ExportCustomers"/>) or the one with the most
/// members among all workspaces on the server, after earlier scenarios have filled them.
/// </summary>
internal static class MemberExport
{
    public static async Task<ExportResult> RunAsync(LoadConnection connection, LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var (target, fill) = options.ExportCustomers > 0
            ? await ExportFill.RunAsync(connection, options, progress, cancellationToken)
            : (await LargestSegmentAsync(connection, cancellationToken), null);
        var before = await SettledCountAsync(connection, target, fill?.Applied, cancellationToken);
        progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss} export of {target.Segment} in {target.Workspace}: {before:N0} members");
        var runs = new List<ExportRun>();
        for (var run = 1; run <= options.Runs; run++)
        {
            runs.Add(await PageAllAsync(connection, target, cancellationToken));
            progress.WriteLine($"  run {run}: {runs[^1].Exported:N0} members in {runs[^1].Elapsed.TotalSeconds:0.00} s: {runs[^1].MembersPerSecond:N0} members/s");
        }

        var after = await MembersAsync(connection, target, cancellationToken);
        return new ExportResult(target, before, after, fill, runs);
    }

    private static async Task<ExportRun> PageAllAsync(LoadConnection connection, SegmentRef target, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var request = new ListMembersRequest { WorkspaceId = target.Workspace, SegmentId = target.Segment, PageSize = ApiLimits.MaxPageSize };
        long exported = 0;
        var pages = 0;
        var ordered = true;
        string? last = null;
        do
        {
            var page = await connection.Segments.ListMembersAsync(request, cancellationToken: cancellationToken);
            pages++;
            foreach (var member in page.Members)
            {
                // Pages come in byte order of customer id (ordinal order for these ASCII ids): a member repeated or
                // out of place shows as a step that does not go up.
                ordered &= last is null || string.CompareOrdinal(last, member.CustomerId) < 0;
                last = member.CustomerId;
                exported++;
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return new ExportRun(exported, pages, watch.Elapsed, ordered);
    }

    /// <summary>The segment with the most members among every workspace the key may see.</summary>
    private static async Task<SegmentRef> LargestSegmentAsync(LoadConnection connection, CancellationToken cancellationToken)
    {
        var workspaces = await connection.Admin.ListWorkspacesAsync(new ListWorkspacesRequest(), cancellationToken: cancellationToken);
        var segments = new List<Segment>();
        foreach (var workspace in workspaces.Workspaces)
        {
            var list = await connection.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = workspace.WorkspaceId }, cancellationToken: cancellationToken);
            segments.AddRange(list.Segments);
        }

        var largest = segments.MaxBy(s => s.Members) is { Members: > 0 } found
            ? found
            : throw new InvalidOperationException("No segment on the server has members: run an ingest scenario first, or fill one with --export-customers.");
        return new SegmentRef(largest.WorkspaceId, largest.SegmentId);
    }

    /// <summary>
    /// The member count once it has settled (it follows changes within about a second): equal to the customers filled,
    /// or else the same in two reads a second apart; after a minute, whatever it is then.
    /// </summary>
    private static async Task<long> SettledCountAsync(LoadConnection connection, SegmentRef target, long? filled, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var count = await MembersAsync(connection, target, cancellationToken);
        while (deadline.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(filled is null ? 1000 : 200, cancellationToken);
            var previous = count;
            count = await MembersAsync(connection, target, cancellationToken);
            if (filled is { } expected ? count == expected : count == previous)
            {
                break;
            }
        }

        return count;
    }

    private static async Task<long> MembersAsync(LoadConnection connection, SegmentRef target, CancellationToken cancellationToken) =>
        (await connection.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = target.Workspace, SegmentId = target.Segment }, cancellationToken: cancellationToken)).Members;
}

/// <summary>One pass over every page: members received, pages, time, and whether ids came strictly in order.</summary>
public sealed record ExportRun(long Exported, int Pages, TimeSpan Elapsed, bool Ordered)
{
    public double MembersPerSecond => Exported / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// The export scenario: the segment, its member count from GetSegment before the first pass and after the last, the
/// run that filled it first (null when an existing segment was exported), and each pass.
/// </summary>
public sealed record ExportResult(SegmentRef Target, long CountBefore, long CountAfter, RunResult? Fill, IReadOnlyList<ExportRun> Runs)
{
    /// <summary>The customers the fill put in the segment (each applied event is a new member).</summary>
    public long? Filled => Fill?.Applied;

    /// <summary>Every pass exported exactly the count the API gave, which did not change meanwhile.</summary>
    public bool CountMatches => CountBefore == CountAfter && Runs.All(r => r.Exported == CountBefore);

    public double MedianMembersPerSecond => Percentiles.Median(Runs.Select(r => r.MembersPerSecond));
}
