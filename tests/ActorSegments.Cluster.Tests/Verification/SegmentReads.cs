using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cluster.Tests.Verification;

/// <summary>A segment's members and reported count, read as a patient client reads them (<see cref="Retrying"/>).</summary>
internal static class SegmentReads
{
    /// <summary>Every member, page by page (small pages, so paging itself is exercised), in the server's order.</summary>
    public static async Task<List<string>> MembersAsync(ApiClients client, string workspaceId, string segmentId, CancellationToken cancellationToken)
    {
        var members = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await Retrying.CallAsync(
                o => client.Segments.ListMembersAsync(new ListMembersRequest { WorkspaceId = workspaceId, SegmentId = segmentId, PageSize = 25, PageToken = token }, o),
                cancellationToken);
            members.AddRange(page.Members.Select(m => m.CustomerId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return members;
    }

    /// <summary>The member count the segment reports (cached for about a second after the last change).</summary>
    public static async Task<long> CountAsync(ApiClients client, string workspaceId, string segmentId, CancellationToken cancellationToken) => (await Retrying.CallAsync(
        o => client.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspaceId, SegmentId = segmentId }, o), cancellationToken)).Members;
}
