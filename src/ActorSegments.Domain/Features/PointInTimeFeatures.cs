using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Features;

/// <summary>
/// A customer's feature row as it would have been at a past moment (the cutoff), rebuilt from the journal: the
/// training input of propensity models, which must see only what was known then.
/// </summary>
/// <remarks>
/// Only entries that occurred strictly before the cutoff are applied, in occurred-at order, each with the clock at the
/// time it occurred (as a customer whose events all arrived on time), and then time is let pass to the cutoff. The
/// clock never passes the cutoff, and arrival times play no part: an entry appended after the cutoff cannot move the
/// state's reference time, and a late entry counts exactly as if it had arrived on time. Model outputs
/// (<see cref="ModelOutput"/>) are skipped, or a model would learn from its own past scores, and so are experiment
/// assignments (<see cref="ExperimentAssignment"/>), or a model would learn which arm a customer was put in; trait
/// updates are applied like any other entry before the cutoff.
/// </remarks>
public static class PointInTimeFeatures
{
    /// <summary>The feature row at <paramref name="cutoff"/> (Unix seconds), or null when nothing was known of the customer then.</summary>
    public static float[]? Extract(CustomerHistory history, long cutoff, BehaviorModel model) =>
        Extract(new PointInTimeHistory(history), cutoff, model);

    /// <inheritdoc cref="Extract(CustomerHistory, long, BehaviorModel)"/>
    public static float[]? Extract(PointInTimeHistory history, long cutoff, BehaviorModel model) =>
        Rebuild(history, cutoff, model) is { } state ? CustomerFeatures.Extract(state, model, cutoff) : null;

    /// <summary>
    /// The customer's state at <paramref name="cutoff"/> (Unix seconds), or null when no event or trait update occurred
    /// before it (the customer is not eligible at that cutoff).
    /// </summary>
    public static CustomerState? Rebuild(PointInTimeHistory history, long cutoff, BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(model);
        var state = new CustomerState();
        var changes = new List<ChangeSet>();
        var applied = 0;
        var count = history.CountBefore(cutoff);
        for (var i = 0; i < count; i++)
        {
            var record = history[i].Record;
            if (record is ModelOutput or ExperimentAssignment or AliasLink)
            {
                continue;
            }

            changes.Clear();
            state.ApplyRecorded(record, model, history.OccurredAt(i), changes);
            applied++;
        }

        if (applied == 0)
        {
            return null;
        }

        state.AdvanceTo(cutoff, model);
        return state;
    }
}
