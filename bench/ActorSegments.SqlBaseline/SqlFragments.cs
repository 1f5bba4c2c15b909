namespace ActorSegments.SqlBaseline;

/// <summary>
/// The per-customer derivations several segments share, as common table expressions an analyst would keep in a
/// view: RFM, lifecycle stage, open cart, decayed engagement and category affinity. Each reads <c>events</c> as of
/// <c>@now</c> and is inlined (with <c>WITH</c>) into the segments that use it.
/// </summary>
internal static class SqlFragments
{
    /// <summary>rfm(customer_id, recency, frequency, monetary, r_score, f_score, m_score) for customers who bought.</summary>
    public const string Rfm = """
        rfm_raw AS (
          SELECT customer_id,
                 floor(extract(epoch from @now - max(occurred_at)) / 86400) AS recency,
                 count(*) AS frequency,
                 coalesce(sum((properties->>'revenue')::numeric), 0) AS monetary
          FROM events WHERE type = 'purchase' GROUP BY customer_id),
        rfm AS (
          SELECT *,
                 CASE WHEN recency <= 14 THEN 5 WHEN recency <= 30 THEN 4 WHEN recency <= 90 THEN 3 WHEN recency <= 180 THEN 2 ELSE 1 END AS r_score,
                 1 + (frequency >= 2)::int + (frequency >= 3)::int + (frequency >= 5)::int + (frequency >= 10)::int AS f_score,
                 1 + (monetary >= 200)::int + (monetary >= 500)::int + (monetary >= 1000)::int + (monetary >= 2000)::int AS m_score
          FROM rfm_raw)
        """;

    /// <summary>
    /// lifecycle(customer_id, stage): the stage machine of docs/behavior.md solved in closed form, assuming each
    /// customer's events arrived in occurred-at order. Buyers: buyer until 60 days after the last purchase, then at risk,
    /// lapsed at 120 days; any activity at or after the at-risk deadline re-engages for 30 days after the last activity.
    /// Prospects: lapsed by a 90-day gap in activity (then re-engaged by the next activity, for 30 days), engaged by 3
    /// activity events within 30 days. Activity is every type but email_sent.
    /// </summary>
    public static string Lifecycle(WindowPrecision precision) => $$"""
        lc_facts AS (
          SELECT customer_id,
                 count(*) FILTER (WHERE type = 'purchase') AS purchases,
                 max(occurred_at) FILTER (WHERE type = 'purchase') AS last_purchase,
                 max(occurred_at) FILTER (WHERE type <> 'email_sent') AS last_activity,
                 min(occurred_at) AS first_seen
          FROM events GROUP BY customer_id),
        lc_acts AS (
          SELECT a.customer_id, a.occurred_at AS t,
                 a.occurred_at - coalesce(lag(a.occurred_at) OVER (PARTITION BY a.customer_id ORDER BY a.occurred_at), f.first_seen) AS gap,
                 {{EngagedCount(precision)}} AS recent
          FROM events a JOIN lc_facts f USING (customer_id)
          WHERE a.type <> 'email_sent' AND f.purchases = 0),
        lc_prospects AS (
          SELECT customer_id, bool_or(gap >= interval '90 days') AS ever_lapsed, bool_or(recent >= 3) AS ever_engaged
          FROM lc_acts GROUP BY customer_id),
        lifecycle AS (
          SELECT f.customer_id, CASE
            WHEN f.purchases > 0 THEN CASE
              WHEN f.last_activity >= f.last_purchase + interval '60 days' THEN CASE
                WHEN @now < f.last_activity + interval '30 days' THEN 're_engaged'
                WHEN @now < f.last_purchase + interval '120 days' THEN 'at_risk' ELSE 'lapsed' END
              WHEN @now < f.last_purchase + interval '60 days' THEN CASE WHEN f.purchases >= 2 THEN 'repeat_buyer' ELSE 'first_time_buyer' END
              WHEN @now < f.last_purchase + interval '120 days' THEN 'at_risk'
              ELSE 'lapsed' END
            WHEN p.ever_lapsed THEN CASE WHEN @now < f.last_activity + interval '30 days' THEN 're_engaged' ELSE 'lapsed' END
            WHEN @now >= coalesce(f.last_activity, f.first_seen) + interval '90 days' THEN 'lapsed'
            WHEN p.ever_engaged THEN 'engaged_prospect'
            ELSE 'new_visitor' END AS stage
          FROM lc_facts f LEFT JOIN lc_prospects p USING (customer_id))
        """;

    /// <summary>
    /// cart(customer_id, value, items, touched): the open cart since the last purchase. Removals only apply to an open
    /// cart and never take it below zero, so the state depends on the order of events: the cart_state aggregate
    /// (<see cref="EventTable"/>) folds them in order.
    /// </summary>
    public const string Cart = """
        cart_cleared AS (SELECT customer_id, max(occurred_at) AS at FROM events WHERE type = 'purchase' GROUP BY customer_id),
        cart_folded AS (
          SELECT e.customer_id,
                 cart_state(e.type,
                            coalesce((e.properties->>'price')::float8, 0) * coalesce((e.properties->>'quantity')::float8, 1),
                            coalesce((e.properties->>'quantity')::float8, 1),
                            floor(extract(epoch from e.occurred_at))::float8 ORDER BY e.occurred_at) AS s
          FROM events e LEFT JOIN cart_cleared c USING (customer_id)
          WHERE e.type IN ('cart_added', 'cart_removed', 'checkout_started') AND (c.at IS NULL OR e.occurred_at > c.at)
          GROUP BY e.customer_id),
        cart AS (
          SELECT customer_id, s[1] AS value, s[2] AS items,
                 (s[1] > 0 OR s[2] > 0) AND floor(extract(epoch from @now)) - s[3] >= 3600 AS abandoned
          FROM cart_folded)
        """;

    /// <summary>engagement(customer_id, score): per-type points halving every 14 days, summed from the raw events.</summary>
    public const string Engagement = """
        engagement AS (
          SELECT customer_id,
                 sum(CASE type WHEN 'email_opened' THEN 1 WHEN 'email_clicked' THEN 3 WHEN 'email_replied' THEN 5
                               WHEN 'product_viewed' THEN 0.5 WHEN 'cart_added' THEN 2 WHEN 'checkout_started' THEN 3
                               WHEN 'purchase' THEN 5 END
                     * power(2::float8, -(extract(epoch from @now) - floor(extract(epoch from occurred_at)))::float8 / (14 * 86400))) AS score
          FROM events
          WHERE type IN ('email_opened', 'email_clicked', 'email_replied', 'product_viewed', 'cart_added', 'checkout_started', 'purchase')
          GROUP BY customer_id)
        """;

    /// <summary>
    /// affinity(customer_id, category, rank): categories by interaction weight (view 1, cart 3, purchase 5) halving every
    /// 30 days, strongest first, ties by name, the top 10 kept. The engine's table evicts its weakest key for a stronger
    /// newcomer once full; with at most 10 categories per customer nothing is evicted and the two agree.
    /// </summary>
    public const string Affinity = """
        affinity_weights AS (
          SELECT customer_id, properties->>'category' AS category,
                 sum(CASE type WHEN 'product_viewed' THEN 1 WHEN 'cart_added' THEN 3 ELSE 5 END
                     * power(2::float8, -(extract(epoch from @now) - floor(extract(epoch from occurred_at)))::float8 / (30 * 86400))) AS weight
          FROM events
          WHERE type IN ('product_viewed', 'cart_added', 'purchase') AND properties ? 'category'
          GROUP BY customer_id, properties->>'category'),
        affinity AS (
          SELECT * FROM (
            SELECT customer_id, category, row_number() OVER (PARTITION BY customer_id ORDER BY weight DESC, category COLLATE "C") AS rank
            FROM affinity_weights) ranked
          WHERE rank <= 10)
        """;

    /// <summary>Activity events in the 30 days up to each one (the engine counts from the first whole hour after t - 30d).</summary>
    private static string EngagedCount(WindowPrecision precision) => precision == WindowPrecision.Exact
        ? "count(*) OVER (PARTITION BY a.customer_id ORDER BY a.occurred_at RANGE BETWEEN interval '30 days' PRECEDING AND CURRENT ROW)"
        : "count(*) OVER (PARTITION BY a.customer_id ORDER BY floor(extract(epoch from a.occurred_at) / 3600)::bigint RANGE BETWEEN 719::bigint PRECEDING AND CURRENT ROW)";
}
