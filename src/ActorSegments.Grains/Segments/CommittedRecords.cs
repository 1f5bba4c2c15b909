using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Rules.Compilation;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Segments;

/// <summary>Rules evaluated on what a customer committed, read in bulk, without activating the customer.</summary>
internal static class CommittedRecords
{
    /// <summary>
    /// Whether <paramref name="rule"/> matches the customer rebuilt from its record exactly as an activation rebuilds
    /// it, at <paramref name="now"/> or at its last event when that lies ahead (events may be timed in the future). An
    /// alias matches nothing: its history lives on in the customer it was linked into (docs/identity.md).
    /// </summary>
    public static bool Matches(CompiledRule rule, string customerId, CustomerRecord record, BehaviorModel model, long now)
    {
        if (CustomerLinks.AliasOf(record.Entries, customerId) is not null)
        {
            return false;
        }

        var state = CustomerRebuild.From(record, model).State;
        return rule.Evaluate(state, model, Math.Max(now, state.Reference));
    }
}
