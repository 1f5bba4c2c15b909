using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;

namespace ActorSegments.Benchmarks;

/// <summary>What a customer does with one event: catch up on due wake-ups, apply it, re-evaluate segments.</summary>
internal static class HotPath
{
    /// <summary>Returns the number of membership changes; <paramref name="indexed"/> false re-evaluates every segment.</summary>
    public static int Step(
        SegmentSet set, BehaviorModel model, CustomerState state, Memberships memberships, CustomerEvent evt, long now, bool indexed, List<MembershipChange> changes)
    {
        changes.Clear();
        if (memberships.NextWakeUp <= now)
        {
            state.AdvanceTo(now, model);
            memberships.ApplyDue(set, state, model, now, changes);
        }

        var change = state.Apply(evt, model, now);
        if (indexed)
        {
            memberships.Apply(set, state, model, change, now, MembershipCause.Event, changes);
        }
        else
        {
            memberships.ApplyAll(set, state, model, now, MembershipCause.Event, changes);
        }

        return changes.Count;
    }
}
