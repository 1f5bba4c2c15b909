namespace ActorSegments.Cli.Demo;

/// <summary>A segment the demo defines, in the rule language, with what it is meant to find.</summary>
internal sealed record DemoSegment(string Id, string Rule, string Meaning)
{
    /// <summary>The synthetic shop has views, carts, e-mail and purchases, so segments can mix behavior and RFM.</summary>
    public static IReadOnlyList<DemoSegment> Synthetic { get; } =
    [
        new("champions", "rfm.frequency >= 5 and rfm.recency <= 30", "bought 5+ times, the last time within 30 days"),
        new("at_risk_big_spenders", "rfm.monetary >= 1000 and lifecycle = \"at_risk\"", "spent 1,000+ and at risk: no purchase for 60+ days"),
        new("one_time_buyers", "rfm.frequency = 1", "exactly one purchase"),
        new("lapsed", "lifecycle = \"lapsed\" and not did(product_viewed, within 30d)", "no purchase for 120+ days (visitors: no activity for 90+), not browsing lately"),
        new("viewed_never_bought", "did(product_viewed, within 30d) and not did(purchase)", "browsed in the last 30 days, never bought"),
    ];

    /// <summary>The retail data holds only purchases (one per invoice), so its segments are about buying.</summary>
    public static IReadOnlyList<DemoSegment> Retail { get; } =
    [
        new("champions", "rfm.frequency >= 5 and rfm.recency <= 30", "5+ invoices, the last within 30 days"),
        new("big_spenders", "rfm.monetary >= 5000", "5,000+ in revenue"),
        new("one_time_buyers", "rfm.frequency = 1", "exactly one invoice"),
        new("at_risk", "lifecycle = \"at_risk\"", "no invoice for 60 to 120 days"),
        new("lapsed", "lifecycle = \"lapsed\"", "no invoice for over 120 days"),
    ];
}
