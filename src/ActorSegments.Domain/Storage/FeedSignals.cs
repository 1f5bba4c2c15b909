using System.Collections.Concurrent;

namespace ActorSegments.Domain.Storage;

/// <summary>
/// The in-process side of <see cref="IFeedSignal"/>: one pending task per workspace that someone waits on, completed
/// and replaced by <see cref="Signal"/>. Workspaces nobody waits on cost nothing.
/// </summary>
public sealed class FeedSignals : IFeedSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _next = new(StringComparer.Ordinal);

    public Task NextSignal(string workspaceId) =>
        _next.GetOrAdd(workspaceId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes everyone waiting on the workspace.</summary>
    public void Signal(string workspaceId)
    {
        // Looked up first, without locking: every commit signals, and removal locks even when nobody waits.
        if (_next.ContainsKey(workspaceId) && _next.TryRemove(workspaceId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    /// <summary>Wakes every waiter (after signals may have been missed, e.g. a lost connection).</summary>
    public void SignalAll()
    {
        foreach (var workspaceId in _next.Keys)
        {
            Signal(workspaceId);
        }
    }
}
