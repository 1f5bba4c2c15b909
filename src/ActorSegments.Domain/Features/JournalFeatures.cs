using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Features;

/// <summary>
/// The features a table of totals does not have and the customer's own history does: the rhythm of its purchases
/// (intervals, their trend, how overdue the next one is), when it last did each kind of thing, how broad its baskets
/// are, its seasonal and weekday habits, and where its spending is heading. Appended to the feature row after the
/// tabular features (<see cref="CustomerFeatures"/>), computed from the state alone so a customer can rescore itself.
/// </summary>
internal static class JournalFeatures
{
    private const long Day = 86_400;
    private const long Quarter = 90 * Day;
    private const long Year = 365 * Day;
    private const long Month = 30 * Day;

    public static IReadOnlyList<FeatureDefinition> Definitions { get; } =
    [
        new("purchase_gap_mean_days", "Mean days between consecutive purchases of the latest 24 (400 with fewer than two)", FeatureTransform.Log1p),
        new("purchase_gap_last_days", "Days between the last two purchases (400 with fewer than two)", FeatureTransform.Log1p),
        new("purchase_gap_last_vs_mean", "The last gap between purchases over their mean gap (1 with fewer than two purchases)", FeatureTransform.Log1p),
        new("purchase_gap_slope", "Trend of the gaps: least-squares days per purchase of gap against order (0 with fewer than three gaps)", FeatureTransform.None),
        new("purchase_overdue", "Days since the last purchase over the mean gap (0 with fewer than two purchases)", FeatureTransform.Log1p),
        new("days_since_view", "Days since the last product view (400 when never)", FeatureTransform.Log1p, DaysSince: true),
        new("days_since_cart_add", "Days since the last cart add (400 when never)", FeatureTransform.Log1p, DaysSince: true),
        new("days_since_email_open", "Days since the last email open (400 when never)", FeatureTransform.Log1p, DaysSince: true),
        new("days_since_email_click", "Days since the last email click (400 when never)", FeatureTransform.Log1p, DaysSince: true),
        new("lines_per_order", "Mean product lines per order, of the latest 24 orders with known lines (0 with none)", FeatureTransform.Log1p),
        new("lines_last_order", "Product lines of the last order (0 when unknown)", FeatureTransform.Log1p),
        new("purchases_year_ago_30d", "Purchases in the 30 days starting a year ago (the coming month, last year)", FeatureTransform.Log1p),
        new("weekday_share", "Share of the latest 24 purchases made on their most common weekday (0 with none)", FeatureTransform.None),
        new("spend_90d", "Revenue in the last 90 days", FeatureTransform.Log1p),
        new("spend_prior_90d", "Revenue from 180 to 90 days ago", FeatureTransform.Log1p),
        new("spend_trend", "(last 90 days' revenue - the prior 90 days') / their sum, in [-1, 1] (0 with neither)", FeatureTransform.None),
        new("purchases_prior_90d", "Purchases from 180 to 90 days ago", FeatureTransform.Log1p),
    ];

    /// <summary>Where the purchase-overdue value sits in this block: recomputed when a row is aged (see <see cref="FeatureRow.AgedTo"/>).</summary>
    public const int OverdueOffset = 4;

    public const int GapMeanOffset = 0;

    public static void Extract(CustomerState state, BehaviorModel model, long now, float recencyDays, Span<float> destination)
    {
        var settings = model.Settings;
        var timeline = PurchaseTimeline.Of(state, model);
        PurchaseRhythm.Write(timeline, recencyDays, destination[..5]);
        destination[5] = LastOf(state, settings.ProductViewEvents, now);
        destination[6] = LastOf(state, settings.CartAddEvents, now);
        destination[7] = LastOf(state, settings.EmailOpenedEvent, now);
        destination[8] = LastOf(state, settings.EmailClickedEvent, now);
        (destination[9], destination[10]) = Lines(timeline);
        var purchases = state.Series(settings.PurchaseEvent);
        destination[11] = purchases?.CountBetween(now - Year, now - Year + Month) ?? 0;
        destination[12] = WeekdayShare(timeline);
        var slot = model.EventType(settings.PurchaseEvent).SlotOf(settings.RevenueProperty);
        var recent = Spend(purchases, slot, now - Quarter, long.MaxValue);
        var prior = Spend(purchases, slot, now - (2 * Quarter), now - Quarter);
        destination[13] = recent;
        destination[14] = prior;
        destination[15] = recent + prior <= 0 ? 0 : (recent - prior) / (recent + prior);
        destination[16] = purchases?.CountBetween(now - (2 * Quarter), now - Quarter) ?? 0;
    }

    private static float LastOf(CustomerState state, IReadOnlyList<string> types, long now)
    {
        var last = long.MinValue;
        foreach (var type in types)
        {
            last = Math.Max(last, LastSeen(state, type));
        }

        return CustomerFeatures.DaysSince(last, now);
    }

    private static float LastOf(CustomerState state, string type, long now) => CustomerFeatures.DaysSince(LastSeen(state, type), now);

    private static long LastSeen(CustomerState state, string type) => state.Series(type) is { IsEmpty: false } series ? series.LastSeen : long.MinValue;

    private static (float Mean, float Last) Lines(ReadOnlySpan<PurchaseRecord> timeline)
    {
        int orders = 0, lines = 0;
        foreach (var purchase in timeline)
        {
            if (purchase.Lines > 0)
            {
                orders++;
                lines += purchase.Lines;
            }
        }

        return (orders == 0 ? 0 : (float)lines / orders, timeline.IsEmpty ? 0 : timeline[^1].Lines);
    }

    private static float WeekdayShare(ReadOnlySpan<PurchaseRecord> timeline)
    {
        if (timeline.IsEmpty)
        {
            return 0;
        }

        Span<int> days = stackalloc int[7];
        foreach (var purchase in timeline)
        {
            days[(int)DateTimeOffset.FromUnixTimeSeconds(purchase.Time).DayOfWeek]++;
        }

        var most = 0;
        foreach (var count in days)
        {
            most = Math.Max(most, count);
        }

        return (float)most / timeline.Length;
    }

    private static float Spend(EventSeries? purchases, int slot, long start, long end)
    {
        if (purchases is null || slot < 0 || slot >= purchases.BucketSlots)
        {
            return 0;
        }

        var sum = purchases.AggregateBetween(slot, AggregateKind.Sum, start, end);
        return double.IsNaN(sum) ? 0 : (float)Math.Max(0, sum);
    }
}
