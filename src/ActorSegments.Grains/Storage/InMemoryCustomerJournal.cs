using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.Grains.Storage;

/// <summary>
/// The journal kept in process memory, for dev mode (one silo, nothing to install) and tests: the same contract as
/// the PostgreSQL journal (sequence fencing, membership log and members, wake-ups), lost when the process ends.
/// Tests can make the next commits fail to exercise the failure path.
/// </summary>
public sealed class InMemoryCustomerJournal : ICustomerJournal, IWakeUpSchedule, ISegmentCounts, ICustomerRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Workspace, string Customer), List<JournalEntry>> _entries = [];
    private readonly List<MembershipLogRecord> _log = [];
    private readonly Dictionary<(string Workspace, string Segment, string Customer), long> _members = [];
    private readonly Dictionary<(string Workspace, string Customer), long> _wakeUps = [];
    private readonly Dictionary<(string Workspace, string Customer), long> _claims = [];
    private int _failuresToInject;

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

            entries.AddRange(commit.Entries);
            foreach (var change in commit.Changes)
            {
                _log.Add(new MembershipLogRecord(_log.Count + 1, commit.WorkspaceId, commit.CustomerId, change));
                var member = (commit.WorkspaceId, change.SegmentId, commit.CustomerId);
                if (change.Entered)
                {
                    _members[member] = change.At;
                }
                else
                {
                    _members.Remove(member);
                }
            }

            if (commit.WakeUpAt is { } wakeUp)
            {
                _claims.Remove(key);
                if (wakeUp == UnixTime.Never)
                {
                    _wakeUps.Remove(key);
                }
                else
                {
                    _wakeUps[key] = wakeUp;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<CustomerRecord> LoadAsync(string workspaceId, string customerId, long afterSequence, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<JournalEntry> entries = _entries.TryGetValue((workspaceId, customerId), out var all)
                ? all.Where(e => e.Sequence > afterSequence).ToList()
                : [];
            var members = _members.Where(p => p.Key.Workspace == workspaceId && p.Key.Customer == customerId)
                .ToDictionary(p => p.Key.Segment, p => p.Value, StringComparer.Ordinal);
            return Task.FromResult(new CustomerRecord(entries, members, _wakeUps.TryGetValue((workspaceId, customerId), out var at) ? at : null));
        }
    }

    public Task<long> CountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)Members(workspaceId, segmentId).Count);

    public Task<long> RecountAsync(string workspaceId, string segmentId, CancellationToken cancellationToken = default) =>
        CountAsync(workspaceId, segmentId, cancellationToken);

    public Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)Customers(workspaceId).Count);

    public Task<IReadOnlyList<string>> PageAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. Customers(workspaceId).Where(c => afterCustomerId is null || string.CompareOrdinal(c, afterCustomerId) > 0).Take(limit)]);

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

    /// <summary>Current members of a segment.</summary>
    public IReadOnlyList<string> Members(string workspaceId, string segmentId)
    {
        lock (_lock)
        {
            return [.. _members.Keys.Where(k => k.Workspace == workspaceId && k.Segment == segmentId).Select(k => k.Customer).Order(StringComparer.Ordinal)];
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

    public Task<IReadOnlyList<DueWakeUp>> ClaimDueAsync(long now, int limit, TimeSpan claimFor, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var due = _wakeUps
                .Where(p => p.Value <= now && (!_claims.TryGetValue(p.Key, out var until) || until <= now))
                .OrderBy(p => p.Value)
                .Take(limit)
                .Select(p => new DueWakeUp(p.Key.Workspace, p.Key.Customer, p.Value))
                .ToList();
            foreach (var wakeUp in due)
            {
                _claims[(wakeUp.WorkspaceId, wakeUp.CustomerId)] = now + (long)claimFor.TotalSeconds;
            }

            return Task.FromResult<IReadOnlyList<DueWakeUp>>(due);
        }
    }

    /// <summary>Every customer with at least one journal entry.</summary>
    public IReadOnlyList<string> Customers(string workspaceId)
    {
        lock (_lock)
        {
            return [.. _entries.Where(p => p.Key.Workspace == workspaceId && p.Value.Count > 0).Select(p => p.Key.Customer).Order(StringComparer.Ordinal)];
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
}

/// <summary>One row of the in-memory membership log.</summary>
public sealed record MembershipLogRecord(long Position, string WorkspaceId, string CustomerId, MembershipChange Change);
