using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Rules.Oracle;

/// <summary>
/// The memberships engine as it was before memberships were held sparsely: one entry time and one next change per
/// segment of the set, in two arrays as long as the set. Kept as the reference the sparse engine is compared with.
/// </summary>
internal sealed class DenseMemberships
{
    private const long NotMember = long.MinValue;
    private const long NotEvaluated = long.MinValue;

    private SegmentSet? _set;
    private long[] _since = [];
    private long[] _nextChange = [];

    // Memberships restored from storage or left by a previous segment set, until a set is bound. Never changed in place,
    // so every customer with none shares one empty dictionary.
    private static readonly Dictionary<string, long> NoneUnbound = new(StringComparer.Ordinal);
    private Dictionary<string, long> _unbound = NoneUnbound;

    /// <summary>Segment ids the customer is in, with the instant it entered (Unix seconds).</summary>
    public IReadOnlyDictionary<string, long> Members
    {
        get
        {
            var members = new Dictionary<string, long>(_unbound, StringComparer.Ordinal);
            for (var i = 0; i < _since.Length; i++)
            {
                if (_since[i] != NotMember)
                {
                    members[_set!.Segments[i].Id] = _since[i];
                }
            }

            return members;
        }
    }

    /// <summary>The earliest instant any segment can change on its own, or <see cref="UnixTime.Never"/>.</summary>
    public long NextWakeUp { get; private set; } = UnixTime.Never;

    public bool Contains(string segmentId) =>
        (_set?.Segment(segmentId) is { } segment && _since[segment.Index] != NotMember) || _unbound.ContainsKey(segmentId);

    /// <summary>Re-evaluates the segments <paramref name="change"/> can affect; appends the enter/exit changes.</summary>
    public void Apply(SegmentSet set, CustomerState state, BehaviorModel model, ChangeSet change, long now, MembershipCause cause, List<MembershipChange> changes)
    {
        Bind(set, now, changes);
        Span<bool> affected = set.Segments.Count <= 256 ? stackalloc bool[set.Segments.Count] : new bool[set.Segments.Count];
        set.Index.Mark(change, affected);
        for (var i = 0; i < affected.Length; i++)
        {
            if (affected[i])
            {
                Evaluate(set.Segments[i], state, model, now, now, cause, changes);
            }
        }

        RecomputeWakeUp();
    }

    /// <summary>
    /// Re-evaluates the segments whose next change is due at <paramref name="now"/>. A segment that changed is recorded
    /// at the instant it changed (its deadline), not at the (possibly later) wake-up.
    /// </summary>
    public void ApplyDue(SegmentSet set, CustomerState state, BehaviorModel model, long now, List<MembershipChange> changes)
    {
        Bind(set, now, changes);
        for (var i = 0; i < _nextChange.Length; i++)
        {
            var due = _nextChange[i];
            if (due <= now)
            {
                // A segment not evaluated since the set changed has no known deadline; a change is dated now.
                Evaluate(set.Segments[i], state, model, now, due == NotEvaluated ? now : due, MembershipCause.Time, changes);
            }
        }

        RecomputeWakeUp();
    }

    /// <summary>
    /// Re-evaluates every segment (after the segment set changed, or on activation) and leaves segments that no longer
    /// exist.
    /// </summary>
    public void ApplyAll(SegmentSet set, CustomerState state, BehaviorModel model, long now, MembershipCause cause, List<MembershipChange> changes)
    {
        Bind(set, now, changes);
        foreach (var segment in set.Segments)
        {
            Evaluate(segment, state, model, now, now, cause, changes);
        }

        RecomputeWakeUp();
    }

    /// <summary>Restores persisted memberships; call <see cref="ApplyAll"/> next to recompute wake-ups.</summary>
    public void Restore(IEnumerable<KeyValuePair<string, long>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        _unbound = new Dictionary<string, long>(members, StringComparer.Ordinal);
        _set = null;
        _since = [];
        _nextChange = [];
        NextWakeUp = UnixTime.Never;
    }

    /// <summary>
    /// Aligns the arrays with <paramref name="set"/>: memberships of segments it still has carry over by id (their
    /// next changes are recomputed when evaluated; until then they are due at once), segments it no longer has are left.
    /// </summary>
    private void Bind(SegmentSet set, long now, List<MembershipChange> changes)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(changes);
        if (ReferenceEquals(set, _set))
        {
            return;
        }

        var previous = Members;
        _set = set;
        _unbound = NoneUnbound;
        _since = new long[set.Segments.Count];
        _nextChange = new long[set.Segments.Count];
        Array.Fill(_since, NotMember);
        Array.Fill(_nextChange, NotEvaluated);
        foreach (var (id, since) in previous)
        {
            if (set.Segment(id) is { } segment)
            {
                _since[segment.Index] = since;
            }
            else
            {
                changes.Add(new MembershipChange(id, false, now, MembershipCause.Definition));
            }
        }
    }

    private void Evaluate(CompiledSegment segment, CustomerState state, BehaviorModel model, long now, long changedAt, MembershipCause cause, List<MembershipChange> changes)
    {
        var (isMember, next) = segment.Rule.EvaluateWithNextChange(state, model, now);
        var wasMember = _since[segment.Index] != NotMember;
        if (isMember != wasMember)
        {
            _since[segment.Index] = isMember ? changedAt : NotMember;
            changes.Add(new MembershipChange(segment.Id, isMember, changedAt, cause));
        }

        _nextChange[segment.Index] = next;
    }

    private void RecomputeWakeUp()
    {
        var next = UnixTime.Never;
        foreach (var due in _nextChange)
        {
            next = Math.Min(next, due);
        }

        NextWakeUp = next;
    }
}
