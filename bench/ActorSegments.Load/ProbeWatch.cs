using System.Collections.Concurrent;
using ActorSegments.Protos.V1;

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
    private readonly ChangeWatch _watch;

    public ProbeWatch(LoadConnection connection, string workspace)
    {
        _watch = new ChangeWatch(connection, workspace, WorkspaceSetup.ProbeSegment, Record);
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

    private void Record(MembershipChange change)
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

    public ValueTask DisposeAsync() => _watch.DisposeAsync();
}
