using System.Collections.Concurrent;
using ActorSegments.Domain.Features;

namespace ActorSegments.Grains.Features;

/// <summary>
/// The rows waiting to be written, one per (workspace, customer): a newer row replaces a waiting one, an older one is
/// ignored. Adding never blocks; the number of customers is bounded. A written row leaves only if no newer one took its
/// place meanwhile, so a failed or concurrent write never loses the newest row.
/// </summary>
internal sealed class PendingFeatureRows(int capacity)
{
    private readonly ConcurrentDictionary<(string Workspace, string Customer), FeatureRow> _rows = new();

    // Kept apart from the dictionary, whose Count takes every lock.
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public PendingOutcome Add(string workspaceId, FeatureRow row)
    {
        var key = (workspaceId, row.CustomerId);
        while (true)
        {
            if (_rows.TryGetValue(key, out var waiting))
            {
                if (waiting.AsOf > row.AsOf)
                {
                    return PendingOutcome.Coalesced;
                }

                if (_rows.TryUpdate(key, row, waiting))
                {
                    return PendingOutcome.Coalesced;
                }

                continue;
            }

            // The slot is reserved before the row goes in, so racing adds cannot overshoot the capacity.
            if (Interlocked.Increment(ref _count) > capacity)
            {
                Interlocked.Decrement(ref _count);
                return PendingOutcome.Dropped;
            }

            if (_rows.TryAdd(key, row))
            {
                return PendingOutcome.Added;
            }

            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>
    /// The waiting rows by workspace: every row added before the call, and perhaps some added during it. Read by the
    /// dictionary's enumerator, which takes no lock (a copy would hold every lock, and adds, while it copies).
    /// </summary>
    public List<IGrouping<string, FeatureRow>> Snapshot() =>
        [.. _rows.GroupBy(p => p.Key.Workspace, p => p.Value, StringComparer.Ordinal)];

    /// <summary>Takes out the customer's waiting row, whatever it is.</summary>
    public void Forget(string workspaceId, string customerId)
    {
        if (_rows.TryRemove((workspaceId, customerId), out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Takes out a written row, unless a newer one has replaced it since.</summary>
    public void Written(string workspaceId, FeatureRow row)
    {
        if (_rows.TryRemove(new KeyValuePair<(string, string), FeatureRow>((workspaceId, row.CustomerId), row)))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}

internal enum PendingOutcome
{
    Added,
    Coalesced,
    Dropped,
}
