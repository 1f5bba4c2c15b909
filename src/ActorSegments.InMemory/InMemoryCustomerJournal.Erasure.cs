using System.Collections.Concurrent;
using ActorSegments.Domain.Privacy;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;

namespace ActorSegments.InMemory;

/// <summary>Erasure in the in-memory journal: a customer's rows removed, its id replaced in the membership log.</summary>
public sealed partial class InMemoryCustomerJournal
{
    // The suppression list lives with the journal, as in PostgreSQL, so a load says whether the id is on it.
    private readonly ConcurrentDictionary<(string Workspace, string Hash), byte> _suppressed = new();

    /// <summary>Puts the id on the suppression list; false when it was on it already.</summary>
    internal bool Suppress(string workspaceId, string customerId) =>
        _suppressed.TryAdd((workspaceId, ErasedIds.Hash(workspaceId, customerId)), 0);

    /// <summary>Takes the id off the suppression list; false when it was not on it.</summary>
    internal bool LiftSuppression(string workspaceId, string customerId) =>
        _suppressed.TryRemove((workspaceId, ErasedIds.Hash(workspaceId, customerId)), out _);

    internal bool IsSuppressed(string workspaceId, string customerId) =>
        !_suppressed.IsEmpty && _suppressed.ContainsKey((workspaceId, ErasedIds.Hash(workspaceId, customerId)));

    /// <summary>
    /// Removes everything kept under the customer's id and replaces it with <paramref name="token"/> in the log (all
    /// rows, or all but the erasure exits when <paramref name="keepExits"/>); adds the counts to <paramref name="rows"/>
    /// by the PostgreSQL table names.
    /// </summary>
    internal void Erase(string workspaceId, string customerId, string token, bool keepExits, SortedDictionary<string, long> rows)
    {
        var key = (workspaceId, customerId);
        Add(rows, "customer_journal", _entries.TryRemove(key, out var entries) ? entries.After(0).Count() : 0);
        Add(rows, "customer_snapshots", _snapshots.TryRemove(key, out _) ? 1 : 0);
        lock (_registryLock)
        {
            Add(rows, "customers", Registry(workspaceId).Remove(customerId) ? 1 : 0);
        }

        lock (_scheduleLock)
        {
            var had = _wakeUps.ContainsKey(key);
            SetWakeUp(key, UnixTime.Never);
            Add(rows, "customer_wakeups", had ? 1 : 0);
        }

        lock (_lock)
        {
            var members = 0;
            if (_membershipsByCustomer.Remove(key, out var segments))
            {
                foreach (var segmentId in segments.Keys)
                {
                    members += _membersBySegment.TryGetValue((workspaceId, segmentId), out var set) && set.Remove(customerId) ? 1 : 0;
                }
            }

            Add(rows, "segment_members", members);
            Add(rows, "membership_log", Redact(workspaceId, customerId, token, record => !keepExits || record.Change.Cause != MembershipCause.Erased));
        }
    }

    /// <summary>Replaces the id in the customer's erasure exits (their visibility ended); returns how many rows.</summary>
    internal int RedactExits(string workspaceId, string customerId, string token)
    {
        lock (_lock)
        {
            return Redact(workspaceId, customerId, token, record => record.Change.Cause == MembershipCause.Erased);
        }
    }

    /// <summary>Whether any logged change of the customer is an erasure exit.</summary>
    internal bool HasErasureExits(string workspaceId, string customerId)
    {
        lock (_lock)
        {
            return _logBySegment.Where(p => p.Key.Workspace == workspaceId).SelectMany(p => p.Value)
                .Any(r => r.CustomerId == customerId && r.Change.Cause == MembershipCause.Erased);
        }
    }

    private int Redact(string workspaceId, string customerId, string token, Func<MembershipLogRecord, bool> which)
    {
        var redacted = 0;
        foreach (var log in _logBySegment.Where(p => p.Key.Workspace == workspaceId).Select(p => p.Value))
        {
            for (var i = 0; i < log.Count; i++)
            {
                if (string.Equals(log[i].CustomerId, customerId, StringComparison.Ordinal) && which(log[i]))
                {
                    log[i] = log[i] with { CustomerId = token };
                    redacted++;
                }
            }
        }

        return redacted;
    }

    private static void Add(SortedDictionary<string, long> rows, string table, long count)
    {
        if (count > 0)
        {
            rows[table] = rows.TryGetValue(table, out var held) ? held + count : count;
        }
    }
}
