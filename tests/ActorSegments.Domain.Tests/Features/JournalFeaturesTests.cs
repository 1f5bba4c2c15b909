using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Features;
using static ActorSegments.Domain.Tests.Features.Journals;

namespace ActorSegments.Domain.Tests.Features;

/// <summary>The journal features on a hand-built history whose every value is worked out by hand, and their point-in-time correctness.</summary>
public sealed class JournalFeaturesTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;

    /// <summary>
    /// Purchases 350, 100, 60, 30 and 10 days before the cutoff (a Monday noon; weekdays Mon, Sat, Thu, Sat, Fri) of 50,
    /// 100, 200, 300 and 400; 3 product lines with the one 30 days before, 5 with the last; a view 3 days before, a cart
    /// add 5, an email open 7, no click.
    /// </summary>
    private static Journals HandBuilt(string customerId = "c1")
    {
        var journal = new Journals(customerId);
        foreach (var (days, revenue) in new[] { (350, 50.0), (100, 100.0), (60, 200.0), (30, 300.0), (10, 400.0) })
        {
            journal.Event("purchase", Cutoff - (days * Day), revenue: revenue);
            for (var line = 0; line < (days == 30 ? 3 : days == 10 ? 5 : 0); line++)
            {
                journal.Event("product_purchased", Cutoff - (days * Day), product: $"p{line}");
            }
        }

        return journal
            .Event("product_viewed", Cutoff - (3 * Day), product: "p1")
            .Event("cart_added", Cutoff - (5 * Day), product: "p1")
            .Event("email_opened", Cutoff - (7 * Day));
    }

    private static float Value(float[] row, string name) => row[CustomerFeatures.IndexOf(name)];

    [Fact]
    public void EachJournalFeature_HasItsHandComputedValue()
    {
        var row = PointInTimeFeatures.Extract(HandBuilt().Build(), Cutoff, Model)!;

        // Gaps 250, 40, 30, 20 days: mean 85, last 20, slope -70 days per purchase (least squares), 10 days since the last.
        Assert.Equal(85, Value(row, "purchase_gap_mean_days"), 3);
        Assert.Equal(20, Value(row, "purchase_gap_last_days"), 3);
        Assert.Equal(20 / 85f, Value(row, "purchase_gap_last_vs_mean"), 4);
        Assert.Equal(-70, Value(row, "purchase_gap_slope"), 3);
        Assert.Equal(10 / 85f, Value(row, "purchase_overdue"), 4);
        Assert.Equal(3, Value(row, "days_since_view"), 3);
        Assert.Equal(5, Value(row, "days_since_cart_add"), 3);
        Assert.Equal(7, Value(row, "days_since_email_open"), 3);
        Assert.Equal(CustomerFeatures.NeverDays, Value(row, "days_since_email_click"));
        Assert.Equal(4, Value(row, "lines_per_order"), 4);
        Assert.Equal(5, Value(row, "lines_last_order"));
        Assert.Equal(1, Value(row, "purchases_year_ago_30d"));
        Assert.Equal(0.4f, Value(row, "weekday_share"), 4);
        Assert.Equal(900, Value(row, "spend_90d"), 3);
        Assert.Equal(100, Value(row, "spend_prior_90d"), 3);
        Assert.Equal(0.8f, Value(row, "spend_trend"), 4);
        Assert.Equal(1, Value(row, "purchases_prior_90d"));
    }

    [Fact]
    public void FutureEventsOfEveryKind_MoveNoJournalFeature()
    {
        var known = HandBuilt().Build();
        var withFuture = HandBuilt();
        foreach (var days in new[] { 0, 1, 5, 20, 40, 200 })
        {
            var at = Cutoff + (days * Day);
            withFuture.Event("purchase", at, revenue: 10_000)
                .Event("product_purchased", at, product: "p9")
                .Event("product_viewed", at, product: "p9")
                .Event("cart_added", at, product: "p9")
                .Event("email_opened", at)
                .Event("email_clicked", at);
        }

        // A line arriving late for an order placed before the cutoff still counts: it occurred before.
        var expected = PointInTimeFeatures.Extract(known, Cutoff, Model)!;
        var actual = PointInTimeFeatures.Extract(withFuture.Build(), Cutoff, Model)!;

        Assert.Equal(CustomerFeatures.Count, actual.Length);
        Assert.Equal(expected[CustomerFeatures.TabularCount..], actual[CustomerFeatures.TabularCount..]);
        Assert.NotEqual(expected, PointInTimeFeatures.Extract(withFuture.Build(), Cutoff + (300 * Day), Model));
    }

    [Fact]
    public void FewerThanTwoPurchases_GiveTheDocumentedDefaults()
    {
        var row = PointInTimeFeatures.Extract(new Journals("c1").Event("purchase", Cutoff - Day, revenue: 20).Build(), Cutoff, Model)!;

        Assert.Equal(CustomerFeatures.NeverDays, Value(row, "purchase_gap_mean_days"));
        Assert.Equal(CustomerFeatures.NeverDays, Value(row, "purchase_gap_last_days"));
        Assert.Equal(1, Value(row, "purchase_gap_last_vs_mean"));
        Assert.Equal(0, Value(row, "purchase_gap_slope"));
        Assert.Equal(0, Value(row, "purchase_overdue"));
        Assert.Equal(1, Value(row, "weekday_share"));
        Assert.Equal(1, Value(row, "spend_trend"));
    }

    [Fact]
    public void AnAgedRow_KeepsHowOverdueInStepWithTheDaysSinceTheLastPurchase()
    {
        var row = new FeatureRow("c1", Cutoff, PointInTimeFeatures.Extract(HandBuilt().Build(), Cutoff, Model)!);

        var aged = row.AgedTo(Cutoff + (10 * Day));

        Assert.Equal(20, Value(aged.Values, "recency_days"), 3);
        Assert.Equal(20 / 85f, Value(aged.Values, "purchase_overdue"), 4);
        Assert.Equal(13, Value(aged.Values, "days_since_view"), 3);
        Assert.Equal(85, Value(aged.Values, "purchase_gap_mean_days"), 3);
    }

    [Fact]
    public void TheLiveStateAndThePointInTimeRebuild_GiveTheSameRow()
    {
        var history = HandBuilt().Build();
        var state = new CustomerState();
        foreach (var entry in history.Entries)
        {
            state.ApplyRecorded(entry.Record, Model, entry.AppliedAt, []);
        }

        Assert.Equal(PointInTimeFeatures.Extract(history, Cutoff, Model), CustomerFeatures.Extract(state, Model, Cutoff));
    }
}
