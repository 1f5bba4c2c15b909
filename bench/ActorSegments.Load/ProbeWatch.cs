using System.Collections.Concurrent;
using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Load;

/// <summary>
/// Follows the probe segment's change feed and times each probe customer's entry from the moment the event that
/// causes it was sent. Probe customers are warmed with one ordinary event first, so a probe times the event's path
/// through a live customer, not an activation.
/// </summary>
internal sealed class ProbeWatch : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _sentAt = new(StringComparer.Ordinal);
    private readonly List<double> _enterMs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly AsyncServerStreamingCall<MembershipChange> _call;
    private readonly Task _reader;

    public ProbeWatch(LoadConnection connection, string workspace)
    {
        _call = connection.Segments.WatchChanges(new WatchChangesRequest { WorkspaceId = workspace, SegmentId = WorkspaceSetup.ProbeSegment }, cancellationToken: _stop.Token);
        _reader = Task.Run(ReadAsync);
    }

    public static string Customer(int probe) => $"probe-{probe:D6}";

    public int Seen
    {
        get
        {
            lock (_enterMs)
            {
                return _enterMs.Count;
            }
        }
    }

    /// <summary>Call just before the request carrying probe customer <paramref name="customer"/>'s event is sent.</summary>
    public void Sending(string customer) => _sentAt[customer] = TimeProvider.System.GetTimestamp();

    /// <summary>The entries seen so far, in milliseconds from send to delivery.</summary>
    public IReadOnlyList<double> EnterMs()
    {
        lock (_enterMs)
        {
            return [.. _enterMs];
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var change in _call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                if (change.Entered && _sentAt.TryRemove(change.CustomerId, out var sentAt))
                {
                    var ms = TimeProvider.System.GetElapsedTime(sentAt).TotalMilliseconds;
                    lock (_enterMs)
                    {
                        _enterMs.Add(ms);
                    }
                }
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
