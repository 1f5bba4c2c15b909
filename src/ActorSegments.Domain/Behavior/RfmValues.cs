using ActorSegments.Domain.Rules.Evaluation;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// A customer's recency (whole days since the last purchase), frequency (purchases) and monetary value (total
/// revenue), with their 1-5 scores under the workspace's <see cref="RfmSettings"/>.
/// </summary>
public readonly record struct RfmValues(long RecencyDays, long Frequency, double Monetary, int RecencyScore, int FrequencyScore, int MonetaryScore)
{
    private const long Day = 86_400;

    /// <summary>The values as of <paramref name="now"/> (Unix seconds); null for a customer who never bought.</summary>
    public static RfmValues? Of(CustomerState state, BehaviorModel model, long now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(model);
        var purchases = state.Series(model.Settings.PurchaseEvent);
        if (purchases is null || purchases.IsEmpty)
        {
            return null;
        }

        var rfm = model.Settings.Rfm;
        var recency = DaysSinceLastPurchase(purchases, now);
        var monetary = Revenue(purchases, model);
        return new RfmValues(
            recency,
            purchases.TotalCount,
            monetary,
            rfm.RecencyScore(recency),
            RfmSettings.AscendingScore(purchases.TotalCount, rfm.Frequency),
            RfmSettings.AscendingScore(monetary, rfm.Monetary));
    }

    /// <summary>Whole days from the last purchase to <paramref name="now"/>.</summary>
    internal static long DaysSinceLastPurchase(EventSeries purchases, long now) => ElapsedSteps.Value(purchases.LastSeen, now, Day);

    /// <summary>All-time revenue of the purchases; 0 when none carried one.</summary>
    internal static double Revenue(EventSeries purchases, BehaviorModel model)
    {
        var slot = model.EventType(model.Settings.PurchaseEvent).SlotOf(model.Settings.RevenueProperty);
        var sum = slot < 0 ? double.NaN : purchases.AggregateTotal(slot, AggregateKind.Sum);
        return double.IsNaN(sum) ? 0 : sum;
    }
}
