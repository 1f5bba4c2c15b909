using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Load;

/// <summary>
/// One WatchChanges stream of a segment from the start of its feed, handing each change to a callback on a reader
/// task until disposed.
/// </summary>
internal sealed class ChangeWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly AsyncServerStreamingCall<MembershipChange> _call;
    private readonly Action<MembershipChange> _onChange;
    private readonly Task _reader;

    public ChangeWatch(LoadConnection connection, string workspace, string segment, Action<MembershipChange> onChange)
    {
        _onChange = onChange;
        _call = connection.Segments.WatchChanges(new WatchChangesRequest { WorkspaceId = workspace, SegmentId = segment }, cancellationToken: _stop.Token);
        _reader = Task.Run(ReadAsync);
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var change in _call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                _onChange(change);
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
            // Disposed: the watch ends here.
        }
        catch (OperationCanceledException)
        {
            // Disposed: the watch ends here.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _call.Dispose();
        _stop.Dispose();
    }
}
