using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Segments;

namespace ActorSegments.Benchmarks;

/// <summary>Fifty segments of the kinds marketers define: windows, absence, RFM, lifecycle, traits, scores, nesting.</summary>
internal static class SampleSegments
{
    public static readonly SegmentDefinition[] All =
    [
        new("recent-browsers", "did(product_viewed, within 48h)"),
        new("browse-no-cart", "count(product_viewed, within 48h) >= 1 and count(cart_added, within 48h) = 0"),
        new("cart-abandoners", "cart.abandoned and cart.value > 0"),
        new("high-value-cart", "cart.abandoned and cart.value >= 200"),
        new("lapsed-big-spenders", "last(purchase) older than 30d and sum(purchase.revenue) >= 500"),
        new("champions", "rfm.recency_score >= 4 and rfm.frequency_score >= 4 and rfm.monetary_score >= 4"),
        new("loyal", "rfm.frequency_score >= 4"),
        new("at-risk", "lifecycle = \"at_risk\""),
        new("lapsed", "lifecycle = \"lapsed\""),
        new("new-visitors", "lifecycle = \"new_visitor\""),
        new("engaged-prospects", "lifecycle = \"engaged_prospect\""),
        new("first-time-buyers", "lifecycle = \"first_time_buyer\""),
        new("repeat-buyers", "lifecycle = \"repeat_buyer\""),
        new("re-engaged", "lifecycle = \"re_engaged\""),
        new("smartphone-intent", "count(product_viewed where category = \"Smartphones\", within 7d) > 0"),
        new("laptop-intent", "count(product_viewed where category = \"Laptops\", within 7d) >= 3"),
        new("audio-fans", "count(product_viewed where category in [\"Audio\", \"Wearables\"], within 30d) >= 5"),
        new("camera-buyers", "count(purchase where category = \"Cameras\") > 0"),
        new("big-spenders-90d", "sum(purchase.revenue, within 90d) >= 1000"),
        new("high-average-order", "avg(purchase.revenue, within 365d) > 150"),
        new("single-purchase", "count(purchase) = 1 and last(purchase) older than 14d"),
        new("browsers-never-bought", "not did(purchase) and customer.events >= 10"),
        new("email-engaged", "email.open_rate >= 0.3 and did(email_opened, within 30d)"),
        new("email-dormant", "did(email_sent, within 30d) and not did(email_opened, within 60d)"),
        new("clickers", "count(email_clicked, within 14d) >= 2"),
        new("highly-engaged", "engagement.score >= 10"),
        new("cooling-off", "engagement.score < 2 and lifecycle = \"repeat_buyer\""),
        new("us-customers", "trait.country = \"US\""),
        new("young-adults", "trait.age between 18 and 29"),
        new("newsletter", "trait.newsletter"),
        new("vip-tagged", "trait.tags contains \"vip\""),
        new("us-young-browsers", "trait.country = \"US\" and trait.age between 25 and 34 and did(product_viewed, within 7d)"),
        new("recent-signups", "trait.signup_at within 30d"),
        new("purchase-propensity", "score(\"purchase_30d\") > 0.8"),
        new("churn-risk", "score(\"churn_60d\") > 0.7 and lifecycle in [\"repeat_buyer\", \"at_risk\"]"),
        new("cohort-browsers", "cohort = \"high-intent-browsers\""),
        new("vip", "sum(purchase.revenue) >= 2000 or trait.tags contains \"vip\""),
        new("vip-slipping", "in_segment(\"vip\") and not lifecycle = \"repeat_buyer\""),
        new("vip-recent", "in_segment(\"vip\") and did(purchase, within 60d)"),
        new("black-friday-buyers", "count(purchase, between 2025-11-28 and 2025-12-02) >= 1"),
        new("holiday-browsers", "count(product_viewed, between 2025-12-01 and 2025-12-25) >= 5"),
        new("searchers-no-purchase", "count(search, within 7d) >= 3 and not did(purchase, within 7d)"),
        new("checkout-abandoners", "did(checkout_started, within 24h) and not did(purchase, within 24h)"),
        new("window-shoppers", "count(product_viewed, within 30d) >= 20 and count(cart_added, within 30d) = 0"),
        new("heavy-browsers", "count(page_viewed, within 7d) >= 50"),
        new("gaming-affinity", "affinity.top_category = \"Gaming\""),
        new("multi-category", "affinity.categories contains \"Home\" and affinity.categories contains \"Audio\""),
        new("recent-repeaters", "last(purchase) within 7d and rfm.frequency >= 2"),
        new("cart-removers", "count(cart_removed, within 7d) >= 2"),
        new("dormant", "customer.last_activity older than 90d"),
    ];

    public static SegmentSet Compile(BehaviorModel model)
    {
        var set = SegmentSet.Compile(All, model);
        if (set.Errors.Count > 0 || set.Segments.Count != All.Length)
        {
            throw new InvalidOperationException("Sample segments do not compile: " + string.Join("; ", set.Errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        }

        return set;
    }
}
