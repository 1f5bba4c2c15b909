using System.Diagnostics;
using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.ClusterBench;

/// <summary>
/// Every member of a segment read page by page through <see cref="ISegmentMembers.PageAsync"/>, the way the API's
/// ListMembers serves a client that pages to the end.
/// </summary>
internal static class MemberExport
{
    /// <summary>ListMembers' default page size (its maximum is 10,000).</summary>
    public const int PageSize = 1000;

    public static async Task<ExportResult> RunAsync(IServiceProvider services, string workspace, string segmentId)
    {
        var members = services.GetRequiredService<ISegmentMembers>();
        var watch = Stopwatch.StartNew();
        long exported = 0;
        string? after = null;
        while (true)
        {
            // As ListMembers does: one more than a page tells whether another follows, and the next page starts
            // after the last member returned.
            var page = await members.PageAsync(workspace, segmentId, after, PageSize + 1);
            exported += Math.Min(page.Count, PageSize);
            if (page.Count <= PageSize)
            {
                break;
            }

            after = page[PageSize - 1].CustomerId;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var stats = await services.GetRequiredService<IGrainFactory>().GetGrain<ISegmentGrain>(SegmentGrainKey.Format(workspace, segmentId)).GetStatsAsync();
        return new ExportResult(exported, stats?.Members ?? 0, seconds);
    }
}

/// <summary>Members read by the export, the segment's own count, and how long the export took.</summary>
internal sealed record ExportResult(long Exported, long SegmentCount, double Seconds)
{
    public double PerSecond => Exported / Seconds;
}
