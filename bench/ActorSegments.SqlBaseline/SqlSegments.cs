namespace ActorSegments.SqlBaseline;

/// <summary>
/// The fifty workload segments (ActorSegments.Workload's <c>WorkloadSegments.All</c>) written as the SQL an analyst
/// schedules against a plain event table: one <c>SELECT customer_id</c> per segment, members as of <c>@now</c>.
/// Traits, model scores and cohorts come from <c>customer_profiles</c>, the table a CRM export fills.
/// </summary>
public static class SqlSegments
{
    private const long Day = 86_400;

    public const string CartNote = "cart state folded in event order by a SQL-language aggregate (removals clamp at zero and only touch an open cart)";
    public const string LifecycleNote = "lifecycle stage machine in closed form with window functions; assumes events arrive in occurred-at order";
    public const string AffinityNote = "affinity ranked from all raw events; the engine's top-10 table evicts keys, which only matters beyond 10 categories";

    /// <summary>The queries, in the order of the workload's segments; windows read at <paramref name="precision"/> as of <paramref name="now"/>.</summary>
    public static IReadOnlyList<SqlSegment> Build(WindowPrecision precision, DateTimeOffset now)
    {
        var w = new SqlWindows(precision, now);
        var lifecycle = SqlFragments.Lifecycle(precision);
        var rfm = SqlFragments.Rfm;
        string Stage(params string[] stages) =>
            $"WITH {lifecycle} SELECT customer_id FROM lifecycle WHERE stage IN ({string.Join(", ", stages.Select(s => $"'{s}'"))})";
        string Vip(string condition) =>
            $"WITH {lifecycle}, vip AS ({VipQuery}) SELECT v.customer_id FROM vip v LEFT JOIN lifecycle l USING (customer_id) WHERE {condition}";

        return
        [
            new("recent-browsers", $"SELECT DISTINCT customer_id FROM events e WHERE e.type = 'product_viewed' AND {w.Within("e", 2 * Day)}"),
            new("browse-no-cart", $"""
                SELECT DISTINCT customer_id FROM events e WHERE e.type = 'product_viewed' AND {w.Within("e", 2 * Day)}
                  AND NOT EXISTS (SELECT 1 FROM events x WHERE x.customer_id = e.customer_id AND x.type = 'cart_added' AND {w.Within("x", 2 * Day)})
                """),
            new("cart-abandoners", $"WITH {SqlFragments.Cart} SELECT customer_id FROM cart WHERE abandoned AND value > 0", CartNote),
            new("high-value-cart", $"WITH {SqlFragments.Cart} SELECT customer_id FROM cart WHERE abandoned AND value >= 200", CartNote),
            new("lapsed-big-spenders", """
                SELECT customer_id FROM events WHERE type = 'purchase' GROUP BY customer_id
                HAVING max(occurred_at) <= @now - interval '30 days' AND sum((properties->>'revenue')::numeric) >= 500
                """),
            new("champions", $"WITH {rfm} SELECT customer_id FROM rfm WHERE r_score >= 4 AND f_score >= 4 AND m_score >= 4"),
            new("loyal", $"WITH {rfm} SELECT customer_id FROM rfm WHERE f_score >= 4"),
            new("at-risk", Stage("at_risk"), LifecycleNote),
            new("lapsed", Stage("lapsed"), LifecycleNote),
            new("new-visitors", Stage("new_visitor"), LifecycleNote),
            new("engaged-prospects", Stage("engaged_prospect"), LifecycleNote),
            new("first-time-buyers", Stage("first_time_buyer"), LifecycleNote),
            new("repeat-buyers", Stage("repeat_buyer"), LifecycleNote),
            new("re-engaged", Stage("re_engaged"), LifecycleNote),
            new("smartphone-intent", CountAtLeast("product_viewed", "e.properties->>'category' = 'Smartphones'", w.Within("e", 7 * Day), 1)),
            new("laptop-intent", CountAtLeast("product_viewed", "e.properties->>'category' = 'Laptops'", w.Within("e", 7 * Day), 3)),
            new("audio-fans", CountAtLeast("product_viewed", "e.properties->>'category' IN ('Audio', 'Wearables')", w.Within("e", 30 * Day), 5)),
            new("camera-buyers", CountAtLeast("purchase", "e.properties->>'category' = 'Cameras'", "true", 1)),
            new("big-spenders-90d", $"""
                SELECT customer_id FROM events e WHERE e.type = 'purchase' AND {w.Within("e", 90 * Day)}
                GROUP BY customer_id HAVING sum((e.properties->>'revenue')::numeric) >= 1000
                """),
            new("high-average-order", $"""
                SELECT customer_id FROM events e WHERE e.type = 'purchase' AND {w.Within("e", 365 * Day)}
                GROUP BY customer_id HAVING avg((e.properties->>'revenue')::numeric) > 150
                """),
            new("single-purchase", """
                SELECT customer_id FROM events WHERE type = 'purchase' GROUP BY customer_id
                HAVING count(*) = 1 AND max(occurred_at) <= @now - interval '14 days'
                """),
            new("browsers-never-bought", """
                SELECT customer_id FROM events GROUP BY customer_id
                HAVING count(*) >= 10 AND count(*) FILTER (WHERE type = 'purchase') = 0
                """),
            new("email-engaged", $"""
                SELECT customer_id FROM events e WHERE e.type IN ('email_sent', 'email_opened') GROUP BY customer_id
                HAVING count(*) FILTER (WHERE e.type = 'email_sent') > 0
                   AND count(*) FILTER (WHERE e.type = 'email_opened')::float8 / count(*) FILTER (WHERE e.type = 'email_sent') >= 0.3
                   AND count(*) FILTER (WHERE e.type = 'email_opened' AND {w.Within("e", 30 * Day)}) > 0
                """),
            new("email-dormant", $"""
                SELECT DISTINCT customer_id FROM events e WHERE e.type = 'email_sent' AND {w.Within("e", 30 * Day)}
                  AND NOT EXISTS (SELECT 1 FROM events x WHERE x.customer_id = e.customer_id AND x.type = 'email_opened' AND {w.Within("x", 60 * Day)})
                """),
            new("clickers", CountAtLeast("email_clicked", "true", w.Within("e", 14 * Day), 2)),
            new("highly-engaged", $"WITH {SqlFragments.Engagement} SELECT customer_id FROM engagement WHERE score >= 10"),
            new("cooling-off", $"""
                WITH {lifecycle}, {SqlFragments.Engagement}
                SELECT l.customer_id FROM lifecycle l LEFT JOIN engagement g USING (customer_id)
                WHERE l.stage = 'repeat_buyer' AND coalesce(g.score, 0) < 2
                """, LifecycleNote),
            new("us-customers", "SELECT customer_id FROM customer_profiles WHERE traits->>'country' = 'US'"),
            new("young-adults", $"SELECT customer_id FROM customer_profiles WHERE {Age(18, 29)}"),
            new("newsletter", "SELECT customer_id FROM customer_profiles WHERE jsonb_typeof(traits->'newsletter') = 'boolean' AND (traits->>'newsletter')::boolean"),
            new("vip-tagged", "SELECT customer_id FROM customer_profiles WHERE traits->'tags' ? 'vip'"),
            new("us-young-browsers", $"""
                SELECT customer_id FROM customer_profiles p WHERE p.traits->>'country' = 'US' AND {Age(25, 34)}
                  AND EXISTS (SELECT 1 FROM events e WHERE e.customer_id = p.customer_id AND e.type = 'product_viewed' AND {w.Within("e", 7 * Day)})
                """),
            new("recent-signups", "SELECT customer_id FROM customer_profiles WHERE (traits->>'signup_at')::timestamptz > @now - interval '30 days'"),
            new("purchase-propensity", "SELECT customer_id FROM customer_profiles WHERE (scores->>'purchase_30d')::float8 > 0.8"),
            new("churn-risk", $"""
                WITH {lifecycle}
                SELECT p.customer_id FROM customer_profiles p JOIN lifecycle l USING (customer_id)
                WHERE (p.scores->>'churn_60d')::float8 > 0.7 AND l.stage IN ('repeat_buyer', 'at_risk')
                """, LifecycleNote),
            new("cohort-browsers", "SELECT customer_id FROM customer_profiles WHERE cohort = 'high-intent-browsers'"),
            new("vip", VipQuery),
            new("vip-slipping", Vip("coalesce(l.stage, 'none') <> 'repeat_buyer'"), LifecycleNote),
            new("vip-recent", $"""
                WITH vip AS ({VipQuery})
                SELECT v.customer_id FROM vip v
                WHERE EXISTS (SELECT 1 FROM events e WHERE e.customer_id = v.customer_id AND e.type = 'purchase' AND {w.Within("e", 60 * Day)})
                """),
            new("black-friday-buyers", CountAtLeast("purchase", "true", w.Between("e", Date(2025, 11, 28), Date(2025, 12, 2)), 1)),
            new("holiday-browsers", CountAtLeast("product_viewed", "true", w.Between("e", Date(2025, 12, 1), Date(2025, 12, 25)), 5)),
            new("searchers-no-purchase", $"""
                {CountAtLeast("search", "true", w.Within("e", 7 * Day), 3)}
                EXCEPT SELECT customer_id FROM events e WHERE e.type = 'purchase' AND {w.Within("e", 7 * Day)}
                """),
            new("checkout-abandoners", $"""
                SELECT DISTINCT customer_id FROM events e WHERE e.type = 'checkout_started' AND {w.Within("e", Day)}
                  AND NOT EXISTS (SELECT 1 FROM events x WHERE x.customer_id = e.customer_id AND x.type = 'purchase' AND {w.Within("x", Day)})
                """),
            new("window-shoppers", $"""
                {CountAtLeast("product_viewed", "true", w.Within("e", 30 * Day), 20)}
                EXCEPT SELECT customer_id FROM events e WHERE e.type = 'cart_added' AND {w.Within("e", 30 * Day)}
                """),
            new("heavy-browsers", CountAtLeast("page_viewed", "true", w.Within("e", 7 * Day), 50)),
            new("gaming-affinity", $"WITH {SqlFragments.Affinity} SELECT customer_id FROM affinity WHERE rank = 1 AND category = 'Gaming'", AffinityNote),
            new("multi-category", $"""
                WITH {SqlFragments.Affinity}
                SELECT customer_id FROM affinity WHERE category IN ('Home', 'Audio') GROUP BY customer_id HAVING count(*) = 2
                """, AffinityNote),
            new("recent-repeaters", """
                SELECT customer_id FROM events WHERE type = 'purchase' GROUP BY customer_id
                HAVING max(occurred_at) > @now - interval '7 days' AND count(*) >= 2
                """),
            new("cart-removers", CountAtLeast("cart_removed", "true", w.Within("e", 7 * Day), 2)),
            new("dormant", """
                SELECT customer_id FROM events WHERE type <> 'email_sent' GROUP BY customer_id
                HAVING max(occurred_at) <= @now - interval '90 days'
                """),
        ];
    }

    /// <summary>vip: lifetime revenue of at least 2000, or tagged "vip" in the CRM.</summary>
    private const string VipQuery = """
        SELECT customer_id FROM events WHERE type = 'purchase' GROUP BY customer_id HAVING sum((properties->>'revenue')::numeric) >= 2000
        UNION SELECT customer_id FROM customer_profiles WHERE traits->'tags' ? 'vip'
        """;

    private static string CountAtLeast(string type, string filter, string window, int count) =>
        $"SELECT customer_id FROM events e WHERE e.type = '{type}' AND {filter} AND {window} GROUP BY customer_id HAVING count(*) >= {count}";

    private static string Age(int low, int high) =>
        $"jsonb_typeof(traits->'age') = 'number' AND (traits->>'age')::numeric BETWEEN {low} AND {high}";

    private static DateTimeOffset Date(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
