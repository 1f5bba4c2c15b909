using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Segments;

/// <summary>
/// One customer's segment memberships (with the instant each was entered) and, per segment, the next instant its
/// rule can change with no new input. After a change to the state only the segments the dependency index names are
/// re-evaluated; <see cref="NextWakeUp"/> tells the customer when to look again on its own.
/// </summary>
public sealed class Memberships
{
    private readonly Dictionary<string, long> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nextChange = new(StringComparer.Ordinal);

    /// <summary>Segment ids the customer is in, with the instant it entered (Unix seconds).</summary>
    public IReadOnlyDictionary<string, long> Members => _members;

    /// <summary>The earliest instant any segment can change on its own, or <see cref="UnixTime.Never"/>.</summary>
    public long NextWakeUp { get; private set; } = UnixTime.Never;

    public bool Contains(string segmentId) => _members.ContainsKey(segmentId);

    /// <summary>Re-evaluates the segments <paramref name="change"/> can affect; appends the enter/exit changes.</summary>
    public void Apply(SegmentSet set, CustomerState state, BehaviorModel model, ChangeSet change, long now, MembershipCause cause, List<MembershipChange> changes)
    {
        ArgumentNullException.ThrowIfNull(set);
        Span<bool> affected = set.Segments.Count <= 256 ? stackalloc bool[set.Segments.Count] : new bool[set.Segments.Count];
        set.Index.Mark(change, affected);
        for (var i = 0; i < set.Segments.Count; i++)
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
        ArgumentNullException.ThrowIfNull(set);
        foreach (var segment in set.Segments)
        {
            if (_nextChange.TryGetValue(segment.Id, out var due) && due <= now)
            {
                Evaluate(segment, state, model, now, due, MembershipCause.Time, changes);
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
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var gone in _members.Keys.Where(id => set.Segment(id) is null).ToList())
        {
            _members.Remove(gone);
            changes.Add(new MembershipChange(gone, false, now, MembershipCause.Definition));
        }

        foreach (var gone in _nextChange.Keys.Where(id => set.Segment(id) is null).ToList())
        {
            _nextChange.Remove(gone);
        }

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
        _members.Clear();
        foreach (var (id, since) in members)
        {
            _members[id] = since;
        }
    }

    private void Evaluate(CompiledSegment segment, CustomerState state, BehaviorModel model, long now, long changedAt, MembershipCause cause, List<MembershipChange> changes)
    {
        var isMember = segment.Rule.Evaluate(state, model, now);
        var wasMember = _members.ContainsKey(segment.Id);
        if (isMember != wasMember)
        {
            if (isMember)
            {
                _members[segment.Id] = changedAt;
            }
            else
            {
                _members.Remove(segment.Id);
            }

            changes.Add(new MembershipChange(segment.Id, isMember, changedAt, cause));
        }

        var next = segment.Rule.NextChange(state, model, now);
        if (next == UnixTime.Never)
        {
            _nextChange.Remove(segment.Id);
        }
        else
        {
            _nextChange[segment.Id] = next;
        }
    }

    private void RecomputeWakeUp()
    {
        var next = UnixTime.Never;
        foreach (var due in _nextChange.Values)
        {
            next = Math.Min(next, due);
        }

        NextWakeUp = next;
    }
}
