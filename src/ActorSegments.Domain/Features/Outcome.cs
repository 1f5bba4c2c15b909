using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Features;

/// <summary>
/// A binary label a propensity model predicts: what happens in the window [cutoff, cutoff + <see cref="Window"/>). The
/// name is the score it is written back as (see <see cref="Outcomes"/> for the well-known ones).
/// </summary>
public sealed record Outcome(string Name, OutcomeKind Kind, TimeSpan Window)
{
    public long WindowSeconds => (long)Window.TotalSeconds;

    /// <summary>The end (exclusive, Unix seconds) of the label window of <paramref name="cutoff"/>.</summary>
    public long WindowEnd(long cutoff) => cutoff + WindowSeconds;

    /// <summary>The label of a customer at <paramref name="cutoff"/>, from the entries that occurred in its window.</summary>
    public bool Label(PointInTimeHistory history, long cutoff, BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(model);
        var end = WindowEnd(cutoff);
        for (var i = history.CountBefore(cutoff); i < history.Count && history.OccurredAt(i) < end; i++)
        {
            // Trait updates and model outputs are not something the customer did.
            if (history[i].Record is not CustomerEvent evt)
            {
                continue;
            }

            var type = model.EventType(evt.Type);
            if (Kind == OutcomeKind.Purchase && type.IsPurchase)
            {
                return true;
            }

            if (Kind == OutcomeKind.Churn && type.IsActivity)
            {
                return false;
            }
        }

        return Kind == OutcomeKind.Churn;
    }
}
