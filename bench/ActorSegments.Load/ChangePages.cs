using ActorSegments.Protos.V1;
using Google.Protobuf.Collections;

namespace ActorSegments.Load;

/// <summary>
/// Reads a segment's change feed with ListChanges from the start, in pages of the largest size the API allows,
/// keeping the cursor of the last page the way a sync job stores it after applying each page.
/// </summary>
internal sealed class ChangePages(LoadConnection connection, string workspace, string segment)
{
    private string _cursor = string.Empty;
    private long _read;

    /// <summary>Changes read so far; safe to read from another thread.</summary>
    public long Read => Interlocked.Read(ref _read);

    public async Task<RepeatedField<MembershipChange>> NextAsync(CancellationToken cancellationToken)
    {
        var page = await connection.Segments.ListChangesAsync(
            new ListChangesRequest { WorkspaceId = workspace, SegmentId = segment, Cursor = _cursor, PageSize = ApiLimits.MaxPageSize },
            cancellationToken: cancellationToken);
        _cursor = page.NextCursor;
        Interlocked.Add(ref _read, page.Changes.Count);
        return page.Changes;
    }

    /// <summary>
    /// Reads pages until one comes back short: then everything the feed held when that page was read has been read.
    /// </summary>
    public async Task ToHeadAsync(Action<MembershipChange> onChange, CancellationToken cancellationToken)
    {
        RepeatedField<MembershipChange> page;
        do
        {
            page = await NextAsync(cancellationToken);
            foreach (var change in page)
            {
                onChange(change);
            }
        }
        while (page.Count == ApiLimits.MaxPageSize);
    }
}
