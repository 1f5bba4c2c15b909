using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Segments;

/// <summary>
/// One customer's segment memberships (with the instant each was entered) and, per segment, the next instant its
/// rule can change with no new input. After a change to the state only the segments the dependency index names are
/// re-evaluated; <see cref="NextWakeUp"/> tells the customer when to look again on its own.
/// </summary>
/// <remarks>
/// Only the segments the customer is in or that have a deadline hold an entry, keyed by the segment's position in the
/// segment set and kept in that order: a typical customer is in a few of a workspace's segments and waits on a few
/// more, so this costs a few hundred bytes where two arrays as long as the set cost 16 bytes per segment. When a
/// different segment set is passed in (definitions changed), memberships are carried over by id and every segment of
/// the new set counts as due until it is evaluated.
/// </remarks>
public sealed class Memberships
{
    private const long NotMember = long.MinValue;
    private const long NotEvaluated = long.MinValue;

    /// <summary>Room added when the entries are full: two, since entries come and go one at a time and rarely.</summary>
    private const int Growth = 2;

    private SegmentSet? _set;
    private MembershipEntries _entries;

    // Segments of the bound set not evaluated since it was bound (bit i: segment i), or null when there are none.
    private ulong[]? _unevaluated;

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
            foreach (var entry in _entries.All)
            {
                if (entry.Since != NotMember)
                {
                    members[_set!.Segments[entry.Segment].Id] = entry.Since;
                }
            }

            return members;
        }
    }

    /// <summary>The earliest instant any segment can change on its own, or <see cref="UnixTime.Never"/>.</summary>
    public long NextWakeUp { get; private set; } = UnixTime.Never;

    public bool Contains(string segmentId) =>
        (_set?.Segment(segmentId) is { } segment && _entries.SinceOf(segment.Index, NotMember) != NotMember) || _unbound.ContainsKey(segmentId);

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
        for (var i = 0; i < set.Segments.Count; i++)
        {
            var due = IsUnevaluated(i) ? NotEvaluated : _entries.NextOf(i, UnixTime.Never);
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
        _entries = default;
        _unevaluated = null;
        NextWakeUp = UnixTime.Never;
    }

    /// <summary>
    /// Aligns the entries with <paramref name="set"/>: memberships of segments it still has carry over by id, under
    /// their new positions (their next changes are recomputed when evaluated; until then they are due at once),
    /// segments it no longer has are left.
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
        _entries = default;
        _unevaluated = set.Segments.Count == 0 ? null : new ulong[(set.Segments.Count + 63) / 64];
        for (var i = 0; i < set.Segments.Count; i++)
        {
            _unevaluated![i / 64] |= 1UL << (i % 64);
        }

        foreach (var (id, since) in previous)
        {
            if (set.Segment(id) is { } segment)
            {
                _entries.Set(segment.Index, since, UnixTime.Never, Growth);
            }
            else
            {
                changes.Add(new MembershipChange(id, false, now, MembershipCause.Definition));
            }
        }
    }

    private bool IsUnevaluated(int segment) => _unevaluated is { } bits && (bits[segment / 64] & (1UL << (segment % 64))) != 0;

    private void Evaluate(CompiledSegment segment, CustomerState state, BehaviorModel model, long now, long changedAt, MembershipCause cause, List<MembershipChange> changes)
    {
        var (isMember, next) = segment.Rule.EvaluateWithNextChange(state, model, now);
        var at = _entries.Find(segment.Index);
        var since = at >= 0 ? _entries.At(at).Since : NotMember;
        if (isMember != (since != NotMember))
        {
            since = isMember ? changedAt : NotMember;
            changes.Add(new MembershipChange(segment.Id, isMember, changedAt, cause));
        }

        if (since != NotMember || next != UnixTime.Never)
        {
            _entries.SetAt(at, segment.Index, since, next, Growth);
        }
        else if (at >= 0)
        {
            _entries.RemoveAt(at);
        }

        if (_unevaluated is { } bits)
        {
            bits[segment.Index / 64] &= ~(1UL << (segment.Index % 64));
        }
    }

    private void RecomputeWakeUp()
    {
        if (_unevaluated is { } bits)
        {
            if (Array.Exists(bits, word => word != 0))
            {
                NextWakeUp = NotEvaluated;
                return;
            }

            _unevaluated = null; // every segment has been evaluated
        }

        var next = UnixTime.Never;
        foreach (var entry in _entries.All)
        {
            next = Math.Min(next, entry.Next);
        }

        NextWakeUp = next;
    }
}
