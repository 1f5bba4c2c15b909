using System.Collections.Concurrent;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.InMemory;

/// <summary>
/// The journal kept in process memory, for dev mode (one silo, nothing to install) and tests: the same contract as
/// the PostgreSQL journal (sequence fencing, snapshots, membership log, members and counts, registry, wake-ups), lost when the
/// process ends. Every lookup a customer, a sweep or a backfill makes is indexed, so dev mode stays usable with
/// hundreds of thousands of customers. Tests can make the next commits fail to exercise the failure path.
/// </summary>
/// <remarks>
/// Locks are split by what a commit touches, because one lock over everything was the busiest point of dev-mode
/// ingest: a customer's entries have their own lock (only that customer appends to them), the registry its own (taken
/// for a customer's first entry), wake-ups their own, and the membership log, members and counts share
/// <see cref="_lock"/>, taken only by commits that change a membership. A commit's changes stay one step under that
/// lock, so the feed never shows part of a commit.
/// <para>
/// This class holds the data and is the journal and wake-up schedule; the ports that only read what commits write
/// are classes of their own over it (<see cref="InMemoryCustomerRegistry"/>, <see cref="InMemorySegmentCounts"/>,
/// <see cref="InMemoryMembershipFeed"/>, <see cref="InMemorySegmentMembers"/>, <see cref="InMemoryJournalScan"/>,
/// <see cref="InMemoryExperimentTotals"/>, <see cref="InMemoryJournalRetention"/>, <see cref="InMemoryCustomerErasure"/>),
/// taking the same locks through the internal members below.
/// </para>
/// </remarks>
public sealed partial class InMemoryCustomerJournal : ICustomerJournal, IWakeUpSchedule
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<(string Workspace, string Customer), CustomerEntries> _entries = [];
    private readonly Lock _registryLock = new();
    private readonly Lock _scheduleLock = new();
    private long _logged; // position of the last logged change; the records live in their segment's log
    private readonly Dictionary<(string Workspace, string Segment), List<MembershipLogRecord>> _logBySegment = [];
    private readonly Dictionary<(string Workspace, string Segment), SortedSet<string>> _membersBySegment = [];
    private readonly Dictionary<(string Workspace, string Customer), Dictionary<string, long>> _membershipsByCustomer = [];
    private readonly Dictionary<string, SortedSet<string>> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Workspace, string Customer), long> _wakeUps = [];
    private readonly SortedSet<(long Due, string Workspace, string Customer)> _dueOrder = [];
    private readonly Dictionary<(string Workspace, string Customer), long> _claims = [];
    private readonly TimeProvider _clock;
    private int _failuresToInject;

    public InMemoryCustomerJournal()
        : this(TimeProvider.System)
    {
    }

    /// <param name="clock">Stamps each logged change with the time of its commit, as PostgreSQL does.</param>
    public InMemoryCustomerJournal(TimeProvider clock) => _clock = clock;

    /// <summary>Makes the next <paramref name="count"/> commits fail without storing anything.</summary>
    public void FailNextCommits(int count) => Volatile.Write(ref _failuresToInject, count);

    public Task CommitAsync(CustomerCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (Volatile.Read(ref _failuresToInject) > 0 && Interlocked.Decrement(ref _failuresToInject) >= 0)
        {
            return Task.FromException(new JournalCommitException("Injected journal failure."));
        }

        var key = (commit.WorkspaceId, commit.CustomerId);
        var entries = _entries.GetOrAdd(key, static _ => new CustomerEntries());
        if (!entries.TryAppend(commit.Entries, out var last))
        {
            return Task.FromException(new JournalCommitException($"Customer {commit.CustomerId} committed sequence {commit.Entries[0].Sequence} after {last}."));
        }

        var first = last == 0 && commit.Entries.Count > 0;

        if (first)
        {
            lock (_registryLock)
            {
                Registry(commit.WorkspaceId).Add(commit.CustomerId);
            }
        }

        if (commit.Changes.Count > 0)
        {
            lock (_lock)
            {
                var loggedAt = _clock.GetUtcNow();
                foreach (var change in commit.Changes)
                {
                    var record = new MembershipLogRecord(++_logged, commit.WorkspaceId, commit.CustomerId, change, loggedAt);
                    SegmentLog(commit.WorkspaceId, change.SegmentId).Add(record);
                    ApplyToMembers(commit.WorkspaceId, commit.CustomerId, change);
                }
            }

            Signals.Signal(commit.WorkspaceId);
        }

        if (commit.WakeUpAt is { } wakeUp)
        {
            lock (_scheduleLock)
            {
                SetWakeUp(key, wakeUp);
            }
        }

        if (commit.Snapshot is { } snapshot)
        {
            StoreSnapshot(key, snapshot);
        }

        AddOutcomes(commit);
        return Task.CompletedTask;
    }

    /// <summary>Wakes readers tailing the feed once a commit's changes are in the log.</summary>
    public FeedSignals Signals { get; } = new();

    public Task<IReadOnlyDictionary<long, StoredRecordId>> EventIdsAtAsync(string workspaceId, string customerId, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var found = new Dictionary<long, StoredRecordId>();
        if (_entries.TryGetValue((workspaceId, customerId), out var all))
        {
            var wanted = sequences.ToHashSet();
            foreach (var (sequence, id) in all.EventIds.Where(e => wanted.Contains(e.Sequence)))
            {
                found[sequence] = id;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<long, StoredRecordId>>(found);
    }

    public Task<CustomerRecord> LoadAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Load(workspaceId, customerId));

    public Task<IReadOnlyDictionary<string, CustomerRecord>> LoadManyAsync(string workspaceId, IReadOnlyList<string> customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var found = new Dictionary<string, CustomerRecord>(StringComparer.Ordinal);
        foreach (var customerId in customerIds)
        {
            if (Load(workspaceId, customerId) is { IsEmpty: false } record)
            {
                found[customerId] = record;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, CustomerRecord>>(found);
    }

    private CustomerRecord Load(string workspaceId, string customerId)
    {
        var key = (workspaceId, customerId);
        var snapshot = _snapshots.GetValueOrDefault(key);
        IReadOnlyList<JournalEntry> entries = [];
        if (_entries.TryGetValue(key, out var all))
        {
            entries = [.. all.After(snapshot?.Sequence ?? 0)];
        }

        Dictionary<string, long> members;
        lock (_lock)
        {
            members = _membershipsByCustomer.TryGetValue(key, out var segments)
                ? new Dictionary<string, long>(segments, StringComparer.Ordinal)
                : new Dictionary<string, long>(StringComparer.Ordinal);
        }

        return new CustomerRecord(entries, members, WakeUp(workspaceId, customerId), snapshot, IsSuppressed(workspaceId, customerId));
    }

    public Task<IReadOnlyList<DueWakeUp>> ClaimDueAsync(long now, int limit, TimeSpan claimFor, CancellationToken cancellationToken = default)
    {
        lock (_scheduleLock)
        {
            var due = new List<DueWakeUp>();
            foreach (var (at, workspace, customer) in _dueOrder)
            {
                if (at > now || due.Count == limit)
                {
                    break;
                }

                if (!_claims.TryGetValue((workspace, customer), out var until) || until <= now)
                {
                    due.Add(new DueWakeUp(workspace, customer, at));
                }
            }

            foreach (var wakeUp in due)
            {
                _claims[(wakeUp.WorkspaceId, wakeUp.CustomerId)] = now + (long)claimFor.TotalSeconds;
            }

            return Task.FromResult<IReadOnlyList<DueWakeUp>>(due);
        }
    }

    /// <summary>Guards the membership log, members and counts; the feed, member and count readers take it too.</summary>
    internal Lock MembershipLock => _lock;

    /// <summary>The position of the last logged change; read under <see cref="MembershipLock"/>.</summary>
    internal long Logged => _logged;

    /// <summary>Each segment's membership log in commit order; read under <see cref="MembershipLock"/>.</summary>
    internal IReadOnlyDictionary<(string Workspace, string Segment), List<MembershipLogRecord>> LogBySegment => _logBySegment;

    /// <summary>Each segment's members in ordinal order; read under <see cref="MembershipLock"/>.</summary>
    internal IReadOnlyDictionary<(string Workspace, string Segment), SortedSet<string>> MembersBySegment => _membersBySegment;

    /// <summary>Each customer's segments and when it entered them; read under <see cref="MembershipLock"/>.</summary>
    internal IReadOnlyDictionary<(string Workspace, string Customer), Dictionary<string, long>> MembershipsByCustomer => _membershipsByCustomer;

    /// <summary>How many customers the workspace has registered.</summary>
    internal long CustomerCount(string workspaceId)
    {
        lock (_registryLock)
        {
            return Registry(workspaceId).Count;
        }
    }

    /// <summary>Up to <paramref name="limit"/> registered customers after <paramref name="afterCustomerId"/>, in ordinal order.</summary>
    internal IReadOnlyList<string> CustomersAfter(string workspaceId, string? afterCustomerId, int limit)
    {
        lock (_registryLock)
        {
            return [.. After(Registry(workspaceId), afterCustomerId).Take(limit)];
        }
    }

    /// <summary>A copy of the workspace's registered customers, in ordinal order.</summary>
    internal string[] Customers(string workspaceId)
    {
        lock (_registryLock)
        {
            return [.. Registry(workspaceId)];
        }
    }

    /// <summary>The membership change log, in commit order.</summary>
    public IReadOnlyList<MembershipLogRecord> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _logBySegment.Values.SelectMany(log => log).OrderBy(record => record.Position)];
            }
        }
    }

    /// <summary>Current members of a segment, in ordinal order.</summary>
    public IReadOnlyList<string> Members(string workspaceId, string segmentId)
    {
        lock (_lock)
        {
            return _membersBySegment.TryGetValue((workspaceId, segmentId), out var members) ? [.. members] : [];
        }
    }

    /// <summary>A customer's stored wake-up time, if any.</summary>
    public long? WakeUp(string workspaceId, string customerId)
    {
        lock (_scheduleLock)
        {
            return _wakeUps.TryGetValue((workspaceId, customerId), out var at) ? at : null;
        }
    }

    /// <summary>The journal entries of one customer.</summary>
    public IReadOnlyList<JournalEntry> Entries(string workspaceId, string customerId)
    {
        return _entries.TryGetValue((workspaceId, customerId), out var entries) ? [.. entries.After(0)] : [];
    }

    private SortedSet<string> Registry(string workspaceId)
    {
        if (!_customers.TryGetValue(workspaceId, out var registry))
        {
            _customers[workspaceId] = registry = new SortedSet<string>(StringComparer.Ordinal);
        }

        return registry;
    }

    private void ApplyToMembers(string workspaceId, string customerId, MembershipChange change)
    {
        var bySegment = (workspaceId, change.SegmentId);
        var byCustomer = (workspaceId, customerId);
        if (change.Entered)
        {
            if (!_membersBySegment.TryGetValue(bySegment, out var members))
            {
                _membersBySegment[bySegment] = members = new SortedSet<string>(StringComparer.Ordinal);
            }

            if (!_membershipsByCustomer.TryGetValue(byCustomer, out var segments))
            {
                _membershipsByCustomer[byCustomer] = segments = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            members.Add(customerId);
            segments[change.SegmentId] = change.At;
        }
        else
        {
            if (_membersBySegment.TryGetValue(bySegment, out var members))
            {
                members.Remove(customerId);
            }

            if (_membershipsByCustomer.TryGetValue(byCustomer, out var segments))
            {
                segments.Remove(change.SegmentId);
            }
        }
    }

    /// <summary>The ids of an ordinal set after <paramref name="after"/> (all of them when null), in order.</summary>
    internal static IEnumerable<string> After(SortedSet<string> ids, string? after) =>
        after is null || ids.Count == 0 ? ids
        : string.CompareOrdinal(after, ids.Max) >= 0 ? []
        : ids.GetViewBetween(after, ids.Max!).Where(c => c != after);

    private List<MembershipLogRecord> SegmentLog(string workspaceId, string segmentId)
    {
        if (!_logBySegment.TryGetValue((workspaceId, segmentId), out var log))
        {
            _logBySegment[(workspaceId, segmentId)] = log = [];
        }

        return log;
    }

    private void SetWakeUp((string Workspace, string Customer) key, long wakeUp)
    {
        _claims.Remove(key);
        if (_wakeUps.Remove(key, out var previous))
        {
            _dueOrder.Remove((previous, key.Workspace, key.Customer));
        }

        if (wakeUp != UnixTime.Never)
        {
            _wakeUps[key] = wakeUp;
            _dueOrder.Add((wakeUp, key.Workspace, key.Customer));
        }
    }

    /// <summary>
    /// One customer's entries. Only that customer appends (its grain runs one call at a time), so appending needs no
    /// lock; readers see a consistent prefix. A monitor per customer had shown up as the busiest wait of dev-mode ingest.
    /// The sequence fence is one compare-and-swap, so a stale activation racing a new one still cannot append.
    /// Events are kept encoded (as the PostgreSQL journal keeps them): one array per event instead of an object graph
    /// with a property dictionary, which had made every collection of a busy dev-mode silo copy the whole history.
    /// </summary>
    private sealed class CustomerEntries
    {
        private readonly ConcurrentQueue<StoredEntry> _entries = new();
        private long _lastSequence;

        /// <summary>Appends entries that continue the sequence; false (nothing appended) when they do not.</summary>
        public bool TryAppend(IReadOnlyList<JournalEntry> entries, out long last)
        {
            last = Volatile.Read(ref _lastSequence);
            if (entries.Count == 0)
            {
                return true;
            }

            if (entries[0].Sequence != last + 1 || Interlocked.CompareExchange(ref _lastSequence, entries[^1].Sequence, last) != last)
            {
                return false;
            }

            foreach (var entry in entries)
            {
                _entries.Enqueue(new StoredEntry(entry.Sequence, entry.AppliedAt, entry.Record.OccurredAt, new StoredRecordId(entry.Record.EventId, entry.Record.Kind), JournalRecordCodec.Serialize(entry.Record)));
            }

            return true;
        }

        /// <summary>Every entry's id, in order: scanned for retries, which dev mode can afford.</summary>
        public IEnumerable<(long Sequence, StoredRecordId Id)> EventIds => Kept.Select(e => (e.Sequence, e.Id));

        public IEnumerable<JournalEntry> After(long sequence) =>
            Kept.Where(e => e.Sequence > sequence).Select(e => new JournalEntry(e.Sequence, e.AppliedAt, JournalRecordCodec.Deserialize(e.Record!)));

        /// <summary>The entries retention has not dropped.</summary>
        public IEnumerable<StoredEntry> Kept => _entries.Where(e => e.Record is not null);
    }

    /// <summary>
    /// One stored entry. Retention drops an entry by letting go of its bytes: the queue is append-only (the owning
    /// customer appends without a lock), so the entry stays in it as a marker, a few dozen bytes.
    /// </summary>
    internal sealed class StoredEntry(long sequence, long appliedAt, DateTimeOffset occurredAt, StoredRecordId id, byte[] record)
    {
        public long Sequence { get; } = sequence;

        public long AppliedAt { get; } = appliedAt;

        public DateTimeOffset OccurredAt { get; } = occurredAt;

        public StoredRecordId Id { get; } = id;

        public byte[]? Record { get; private set; } = record;

        public void Drop() => Record = null;
    }
}

/// <summary>One row of the in-memory membership log.</summary>
public sealed record MembershipLogRecord(long Position, string WorkspaceId, string CustomerId, MembershipChange Change, DateTimeOffset LoggedAt);
