namespace ActorSegments.Workload;

/// <summary>
/// Fifty segments of the kinds marketers define: windows, absence, RFM, lifecycle, traits, scores, nesting. Written
/// against the commerce schema's event types and properties, as (id, rule) pairs so any consumer can compile them.
/// </summary>
public static class WorkloadSegments
{
    public static IReadOnlyList<(string Id, string Rule)> All { get; } =
    [
        ("recent-browsers", "did(product_viewed, within 48h)"),
        ("browse-no-cart", "count(product_viewed, within 48h) >= 1 and count(cart_added, within 48h) = 0"),
        ("cart-abandoners", "cart.abandoned and cart.value > 0"),
        ("high-value-cart", "cart.abandoned and cart.value >= 200"),
        ("lapsed-big-spenders", "last(purchase) older than 30d and sum(purchase.revenue) >= 500"),
        ("champions", "rfm.recency_score >= 4 and rfm.frequency_score >= 4 and rfm.monetary_score >= 4"),
        ("loyal", "rfm.frequency_score >= 4"),
        ("at-risk", "lifecycle = \"at_risk\""),
        ("lapsed", "lifecycle = \"lapsed\""),
        ("new-visitors", "lifecycle = \"new_visitor\""),
        ("engaged-prospects", "lifecycle = \"engaged_prospect\""),
        ("first-time-buyers", "lifecycle = \"first_time_buyer\""),
        ("repeat-buyers", "lifecycle = \"repeat_buyer\""),
        ("re-engaged", "lifecycle = \"re_engaged\""),
        ("smartphone-intent", "count(product_viewed where category = \"Smartphones\", within 7d) > 0"),
        ("laptop-intent", "count(product_viewed where category = \"Laptops\", within 7d) >= 3"),
        ("audio-fans", "count(product_viewed where category in [\"Audio\", \"Wearables\"], within 30d) >= 5"),
        ("camera-buyers", "count(purchase where category = \"Cameras\") > 0"),
        ("big-spenders-90d", "sum(purchase.revenue, within 90d) >= 1000"),
        ("high-average-order", "avg(purchase.revenue, within 365d) > 150"),
        ("single-purchase", "count(purchase) = 1 and last(purchase) older than 14d"),
        ("browsers-never-bought", "not did(purchase) and customer.events >= 10"),
        ("email-engaged", "email.open_rate >= 0.3 and did(email_opened, within 30d)"),
        ("email-dormant", "did(email_sent, within 30d) and not did(email_opened, within 60d)"),
        ("clickers", "count(email_clicked, within 14d) >= 2"),
        ("highly-engaged", "engagement.score >= 10"),
        ("cooling-off", "engagement.score < 2 and lifecycle = \"repeat_buyer\""),
        ("us-customers", "trait.country = \"US\""),
        ("young-adults", "trait.age between 18 and 29"),
        ("newsletter", "trait.newsletter"),
        ("vip-tagged", "trait.tags contains \"vip\""),
        ("us-young-browsers", "trait.country = \"US\" and trait.age between 25 and 34 and did(product_viewed, within 7d)"),
        ("recent-signups", "trait.signup_at within 30d"),
        ("purchase-propensity", "score(\"purchase_30d\") > 0.8"),
        ("churn-risk", "score(\"churn_60d\") > 0.7 and lifecycle in [\"repeat_buyer\", \"at_risk\"]"),
        ("cohort-browsers", "cohort = \"high-intent-browsers\""),
        ("vip", "sum(purchase.revenue) >= 2000 or trait.tags contains \"vip\""),
        ("vip-slipping", "in_segment(\"vip\") and not lifecycle = \"repeat_buyer\""),
        ("vip-recent", "in_segment(\"vip\") and did(purchase, within 60d)"),
        ("black-friday-buyers", "count(purchase, between 2025-11-28 and 2025-12-02) >= 1"),
        ("holiday-browsers", "count(product_viewed, between 2025-12-01 and 2025-12-25) >= 5"),
        ("searchers-no-purchase", "count(search, within 7d) >= 3 and not did(purchase, within 7d)"),
        ("checkout-abandoners", "did(checkout_started, within 24h) and not did(purchase, within 24h)"),
        ("window-shoppers", "count(product_viewed, within 30d) >= 20 and count(cart_added, within 30d) = 0"),
        ("heavy-browsers", "count(page_viewed, within 7d) >= 50"),
        ("gaming-affinity", "affinity.top_category = \"Gaming\""),
        ("multi-category", "affinity.categories contains \"Home\" and affinity.categories contains \"Audio\""),
        ("recent-repeaters", "last(purchase) within 7d and rfm.frequency >= 2"),
        ("cart-removers", "count(cart_removed, within 7d) >= 2"),
        ("dormant", "customer.last_activity older than 90d"),
    ];
}
