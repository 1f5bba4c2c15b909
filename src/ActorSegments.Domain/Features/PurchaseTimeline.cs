using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Features;

/// <summary>
/// The purchases the rhythm features read: the customer's <see cref="PurchaseHistory"/>, or, when it holds fewer
/// purchases than the customer made and has room (a state restored from a snapshot written before the history
/// existed), the older purchases rebuilt from the purchase time buckets, one entry per purchase at its bucket's start,
/// with the bucket's mean amount and unknown lines. A history built from the whole journal is never completed this way.
/// </summary>
internal static class PurchaseTimeline
{
    public static ReadOnlySpan<PurchaseRecord> Of(CustomerState state, BehaviorModel model)
    {
        var history = state.Purchases;
        var purchases = state.Series(model.Settings.PurchaseEvent);
        if (purchases is null || history.Count >= Math.Min(purchases.TotalCount, PurchaseHistory.Capacity))
        {
            return history.Items;
        }

        var before = history.Count == 0 ? long.MaxValue : history[0].Time;
        var slot = model.EventType(model.Settings.PurchaseEvent).SlotOf(model.Settings.RevenueProperty);
        var rebuilt = new List<PurchaseRecord>();
        var starts = purchases.BucketStarts;
        var counts = purchases.BucketCounts;
        for (var i = starts.Length - 1; i >= 0 && rebuilt.Count + history.Count < PurchaseHistory.Capacity; i--)
        {
            if (starts[i] >= before || counts[i] == 0)
            {
                continue;
            }

            var sum = slot >= 0 && slot < purchases.BucketSlots ? purchases.AggregateBetween(slot, AggregateKind.Sum, starts[i], starts[i] + 1) : double.NaN;
            var amount = double.IsNaN(sum) ? 0 : (float)(sum / counts[i]);
            for (var n = 0; n < counts[i] && rebuilt.Count + history.Count < PurchaseHistory.Capacity; n++)
            {
                rebuilt.Add(new PurchaseRecord(starts[i], amount, 0));
            }
        }

        rebuilt.Reverse();
        rebuilt.AddRange(history.Items);
        return rebuilt.ToArray();
    }
}
