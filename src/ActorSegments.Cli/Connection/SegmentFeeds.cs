using System.Runtime.CompilerServices;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Connection;

/// <summary>Pages of members and of the change feed, read to the end.</summary>
internal static class SegmentFeeds
{
    /// <summary>Every current member, in customer id order, a page at a time.</summary>
    public static async IAsyncEnumerable<SegmentMember> MembersAsync(
        this ServerConnection connection,
        string segmentId,
        int pageSize = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var request = new ListMembersRequest { WorkspaceId = connection.Workspace, SegmentId = segmentId, PageSize = pageSize };
        do
        {
            var page = await connection.Segments.ListMembersAsync(request, cancellationToken: cancellationToken);
            foreach (var member in page.Members)
            {
                yield return member;
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
    }

    /// <summary>The feed's head now: where a full sync continues after paging the members.</summary>
    public static async Task<string> HeadCursorAsync(this ServerConnection connection, string segmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var page = await connection.Segments.ListChangesAsync(
            new ListChangesRequest { WorkspaceId = connection.Workspace, SegmentId = segmentId, PageSize = 1 }, cancellationToken: cancellationToken);
        return page.HeadCursor;
    }

    /// <summary>Pages of changes after <paramref name="cursor"/> until the feed has nothing newer.</summary>
    public static async IAsyncEnumerable<ListChangesResponse> ChangePagesAsync(
        this ServerConnection connection,
        string segmentId,
        string cursor,
        int pageSize = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var request = new ListChangesRequest { WorkspaceId = connection.Workspace, SegmentId = segmentId, Cursor = cursor, PageSize = pageSize };
        while (true)
        {
            var page = await connection.Segments.ListChangesAsync(request, cancellationToken: cancellationToken);
            yield return page;
            if (page.Changes.Count < pageSize || page.NextCursor == request.Cursor)
            {
                yield break;
            }

            request.Cursor = page.NextCursor;
        }
    }
}
