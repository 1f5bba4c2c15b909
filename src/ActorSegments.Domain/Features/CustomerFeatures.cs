using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Features;

/// <summary>
/// The customer feature row: a fixed, documented set of numbers computed from the behavioral state, the input of
/// cohort clustering and propensity models (docs/ml.md lists every feature and its transform). Appending a feature
/// bumps <see cref="Version"/>; rows of another version are rebuilt rather than misread.
/// </summary>
/// <remarks>
/// The first <see cref="TabularCount"/> features are the totals and windowed counts any customer table could hold;
/// version 2 appended the journal features (<see cref="JournalFeatures"/>): purchase rhythm, last time of each kind of
/// activity, basket breadth, seasonality and spend trend, which propensity models use and cohorts may choose.
/// </remarks>
public static class CustomerFeatures
{
    /// <summary>The layout version of <see cref="Definitions"/>, stored with every row.</summary>
    public const int Version = 2;

    /// <summary>A "days since" value for something that never happened: the default history horizon.</summary>
    public const float NeverDays = 400;

    private const long Day = 86_400;
    private const long Month = 30 * Day;
    private const long Quarter = 90 * Day;

    /// <summary>How many leading features are the tabular ones (totals and windowed counts), before the journal features.</summary>
    public const int TabularCount = 17;

    public static IReadOnlyList<FeatureDefinition> Definitions { get; } =
    [
        new("recency_days", "Days since the last purchase (400 when never bought)", FeatureTransform.Log1p, DaysSince: true),
        new("frequency", "Purchases, all time", FeatureTransform.Log1p),
        new("monetary", "Revenue, all time", FeatureTransform.Log1p),
        new("avg_order_value", "Revenue per purchase (0 when never bought)", FeatureTransform.Log1p),
        new("purchases_90d", "Purchases in the last 90 days", FeatureTransform.Log1p),
        new("days_since_active", "Days since the customer's own last activity (emails sent to it do not count)", FeatureTransform.Log1p, DaysSince: true),
        new("tenure_days", "Days since the first event", FeatureTransform.Log1p, DaysSince: true),
        new("active_days_30d", "Distinct days with activity in the last 30 days (a session proxy)", FeatureTransform.Log1p),
        new("event_types", "Distinct kinds of activity, all time (engagement breadth)", FeatureTransform.None),
        new("engagement", "Decayed engagement points (opens, clicks, views, cart adds, purchases)", FeatureTransform.Log1p),
        new("email_open_rate", "Email opens per email sent (0 with none sent, at most 1)", FeatureTransform.None),
        new("email_click_rate", "Email clicks per email sent (0 with none sent, at most 1)", FeatureTransform.None),
        new("products_viewed", "Distinct products interacted with (viewed, carted, bought; the top-K interests kept)", FeatureTransform.None),
        new("categories_viewed", "Distinct categories interacted with (the top-K interests kept)", FeatureTransform.None),
        new("views_30d", "Product views in the last 30 days", FeatureTransform.Log1p),
        new("cart_adds_30d", "Cart adds in the last 30 days", FeatureTransform.Log1p),
        new("cart_abandonment", "Share of the last 90 days' cart adds not matched by a purchase (0 with no cart adds)", FeatureTransform.None),
        .. JournalFeatures.Definitions,
    ];

    public static int Count => Definitions.Count;

    /// <summary>Indexes of the features that grow by a day per day (see <see cref="FeatureRow.AgedTo"/>).</summary>
    public static IReadOnlyList<int> DaysSinceIndexes { get; } = [.. Definitions.Select((d, i) => (d, i)).Where(x => x.d.DaysSince).Select(x => x.i)];

    /// <summary>
    /// What cohorts cluster on unless a run chooses otherwise: recency, frequency, monetary, engagement depth and
    /// product interactions. Tenure and the raw "days since active" are left out: they mostly separate old accounts
    /// from new ones, which lifecycle stages already do.
    /// </summary>
    public static IReadOnlyList<string> DefaultCohortFeatures { get; } =
    [
        "recency_days", "frequency", "monetary", "active_days_30d", "event_types", "engagement",
        "email_open_rate", "email_click_rate", "products_viewed", "views_30d", "cart_adds_30d", "cart_abandonment",
    ];

    /// <summary>The index of a feature by name, or -1.</summary>
    public static int IndexOf(string name)
    {
        for (var i = 0; i < Definitions.Count; i++)
        {
            if (string.Equals(Definitions[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The feature values of <paramref name="state"/> as of <paramref name="now"/> (Unix seconds).</summary>
    public static float[] Extract(CustomerState state, BehaviorModel model, long now)
    {
        var values = new float[Count];
        Extract(state, model, now, values);
        return values;
    }

    public static void Extract(CustomerState state, BehaviorModel model, long now, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(model);
        if (destination.Length < Count)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; the feature row has {Count}.", nameof(destination));
        }

        var settings = model.Settings;
        var purchases = state.Series(settings.PurchaseEvent);
        var frequency = purchases?.TotalCount ?? 0;
        var monetary = purchases is null || purchases.IsEmpty ? 0 : RfmValues.Revenue(purchases, model);
        var purchases90 = purchases?.CountFrom(now - Quarter) ?? 0;
        var cartAdds90 = CountFrom(state, settings.CartAddEvents, now - Quarter);
        var sent = state.Series(settings.EmailSentEvent)?.TotalCount ?? 0;

        destination[0] = DaysSince(purchases is null || purchases.IsEmpty ? long.MinValue : purchases.LastSeen, now);
        destination[1] = frequency;
        destination[2] = (float)Math.Max(0, monetary);
        destination[3] = frequency == 0 ? 0 : (float)Math.Max(0, monetary / frequency);
        destination[4] = purchases90;
        destination[5] = DaysSince(state.LastActivity, now);
        destination[6] = DaysSince(state.FirstSeen == long.MaxValue ? long.MinValue : state.FirstSeen, now);
        destination[7] = ActiveDays(state, model, now - Month);
        destination[8] = ActivityTypes(state, model);
        destination[9] = (float)Math.Max(0, state.EngagementAt(now, model));
        destination[10] = Rate(state.Series(settings.EmailOpenedEvent)?.TotalCount ?? 0, sent);
        destination[11] = Rate(state.Series(settings.EmailClickedEvent)?.TotalCount ?? 0, sent);
        destination[12] = state.Products.Count;
        destination[13] = state.Categories.Count;
        destination[14] = CountFrom(state, settings.ProductViewEvents, now - Month);
        destination[15] = CountFrom(state, settings.CartAddEvents, now - Month);
        destination[16] = cartAdds90 == 0 ? 0 : 1 - (float)Math.Min(1.0, (double)purchases90 / cartAdds90);
        JournalFeatures.Extract(state, model, now, destination[0], destination[TabularCount..Count]);
    }

    /// <summary>
    /// Recomputes, after "days since" values were aged, the features derived from them (how overdue the next purchase
    /// is: days since the last purchase over the mean gap).
    /// </summary>
    internal static void RefreshAged(Span<float> values)
    {
        if (values.Length >= Count)
        {
            var journal = values[TabularCount..];
            journal[JournalFeatures.OverdueOffset] = PurchaseRhythm.Overdue(values[0], journal[JournalFeatures.GapMeanOffset]);
        }
    }

    internal static float DaysSince(long time, long now) =>
        time == long.MinValue || time == UnixTime.Never ? NeverDays : (float)Math.Clamp((now - time) / (double)Day, 0, NeverDays);

    private static float Rate(long part, long whole) => whole <= 0 ? 0 : (float)Math.Min(1.0, (double)part / whole);

    private static long CountFrom(CustomerState state, IReadOnlyList<string> types, long start)
    {
        long count = 0;
        foreach (var type in types)
        {
            count += state.Series(type)?.CountFrom(start) ?? 0;
        }

        return count;
    }

    private static int ActivityTypes(CustomerState state, BehaviorModel model)
    {
        var count = 0;
        foreach (var (name, series) in state.EventTypes)
        {
            if (!series.IsEmpty && model.EventType(name).IsActivity)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Distinct days holding a bucket of activity that starts at or after <paramref name="start"/>.</summary>
    private static int ActiveDays(CustomerState state, BehaviorModel model, long start)
    {
        Span<long> days = stackalloc long[31];
        var count = 0;
        foreach (var (name, series) in state.EventTypes)
        {
            if (!model.EventType(name).IsActivity)
            {
                continue;
            }

            var starts = series.BucketStarts;
            var counts = series.BucketCounts;
            for (var i = series.LowerBound(start); i < starts.Length && count < days.Length; i++)
            {
                var day = UnixTime.FloorDiv(starts[i], Day);
                if (counts[i] > 0 && !days[..count].Contains(day))
                {
                    days[count++] = day;
                }
            }
        }

        return count;
    }
}
