using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.Grains.Storage;

/// <summary>
/// The journal kept in process memory, for dev mode (one silo, nothing to install) and tests: the same contract as
/// the PostgreSQL journal (sequence fencing, membership log, members and counts, registry, wake-ups), lost when the
/// process ends. Every lookup a customer, a sweep or a backfill makes is indexed, so dev mode stays usable with
/// hundreds of thousands of customers. Tests can make the next commits fail to exercise the failure path.
/// </summary>
public sealed partial class InMemoryCustomerJournal : ICustomerJournal, IWakeUpSchedule, ISegmentCounts, ICustomerRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Workspace, string Customer), List<JournalEntry>> _entries = [];
    private readonly List<MembershipLogRecord> _log = [];
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
    public void FailNextCommits(int count)
    {
        lock (_lock)
        {
            _failuresToInject = count;
        }
    }

    public Task CommitAsync(CustomerCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_lock)
        {
            if (_failuresToInject > 0)
            {
                _failuresToInject--;
                return Task.FromException(new JournalCommitException("Injected journal failure."));
            }

            var key = (commit.WorkspaceId, commit.CustomerId);
            if (!_entries.TryGetValue(key, out var entries))
            {
                _entries[key] = entries = [];
            }

            var last = entries.Count == 0 ? 0 : entries[^1].Sequence;
            if (commit.Entries.Count > 0 && commit.Entries[0].Sequence != last + 1)
            {
                return Task.FromException(new JournalCommitException($"Customer {commit.CustomerId} committed sequence {commit.Entries[0].Sequence} after {last}."));
            }

            if (entries.Count == 0 && commit.Entries.Count > 0)
            {
                Registry(commit.WorkspaceId).Add(commit.CustomerId);
            }

            entries.AddRange(commit.Entries);
            var loggedAt = _clock.GetUtcNow();
            foreach (var change in commit.Changes)
            {
                var record = new MembershipLogRecord(_log.Count + 1, commit.WorkspaceId, commit.CustomerId, change, loggedAt);
                _log.Add(record);
                SegmentLog(commit.WorkspaceId, change.SegmentId).Add(record);
                ApplyToMembers(commit.WorkspaceId, commit.CustomerId, change);
            }

            if (commit.WakeUpAt is { } wakeUp)
            {
                SetWakeUp(key, wakeUp);
            }
        }

        if (commit.Changes.Count > 0)
        {
            Signals.Signal(commit.WorkspaceId);
        }

        return Task.CompletedTask;
    }

    /// <summary>Wakes readers tailing the feed once a commit's changes are in the log.</summary>
    public FeedSignals Signals { get; } = new();

    public Task<CustomerRecord> LoadAsync(string workspaceId, string customerId, long afterSequence, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var key = (workspaceId, customerId);
            IReadOnlyList<JournalEntry> entries = _entries.TryGetValue(key, out var all) ? all.Where(e => e.Sequence > afterSequence).ToList() : [];
            var members = _membershipsByCustomer.TryGetValue(key, out var segments)
                ? new Dictionary<string, long>(segments, StringComparer.Ordinal)
                : new Dictionary<string, long>(StringComparer.Ordinal);
            return Task.FromResult(new CustomerRecord(entries, members, _wakeUps.TryGetValue(key, out var at) ? at : null));
        }
    }

    public Task<IReadOnlyList<DueWakeUp>> ClaimDueAsync(long now, int limit, TimeSpan claimFor, CancellationToken cancellationToken = default)
    {
        lock (_lock)
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

    public Task<long> CountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_membersBySegment.TryGetValue((workspaceId, segmentId), out var members) ? (long)members.Count : 0L);
        }
    }

    public Task<long> RecountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default) =>
        CountAsync(workspaceId, segmentId, cancellationToken);

    public Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult((long)Registry(workspaceId).Count);
        }
    }

    public Task<IReadOnlyList<string>> PageAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. After(Registry(workspaceId), afterCustomerId).Take(limit)]);
        }
    }

    /// <summary>The membership change log, in commit order.</summary>
    public IReadOnlyList<MembershipLogRecord> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _log];
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
        lock (_lock)
        {
            return _wakeUps.TryGetValue((workspaceId, customerId), out var at) ? at : null;
        }
    }

    /// <summary>The journal entries of one customer.</summary>
    public IReadOnlyList<JournalEntry> Entries(string workspaceId, string customerId)
    {
        lock (_lock)
        {
            return _entries.TryGetValue((workspaceId, customerId), out var entries) ? [.. entries] : [];
        }
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
    private static IEnumerable<string> After(SortedSet<string> ids, string? after) =>
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
}

/// <summary>One row of the in-memory membership log.</summary>
public sealed record MembershipLogRecord(long Position, string WorkspaceId, string CustomerId, MembershipChange Change, DateTimeOffset LoggedAt);
