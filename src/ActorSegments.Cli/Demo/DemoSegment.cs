namespace ActorSegments.Cli.Demo;

/// <summary>A segment the demo defines, in the rule language, with what it is meant to find.</summary>
/// <remarks>
/// Every time-based condition here changes within 45 days of an event. A longer deadline (a 120-day "lapsed", or
/// <c>lifecycle = "lapsed"</c>) makes the server arm a grain timer beyond Orleans' limit of about 49.7 days, which
/// fails the customer's evaluation and stalls the segment's backfill; see the report of the CLI branch.
/// </remarks>
internal sealed record DemoSegment(string Id, string Rule, string Meaning)
{
    /// <summary>The synthetic shop has views, carts, e-mail and purchases, so segments can mix behavior and RFM.</summary>
    public static IReadOnlyList<DemoSegment> Synthetic { get; } =
    [
        new("champions", "rfm.frequency >= 5 and rfm.recency <= 30", "bought 5+ times, the last time within 30 days"),
        new("at_risk_big_spenders", "rfm.monetary >= 1000 and rfm.recency > 30", "spent 1,000+, nothing bought for over 30 days"),
        new("one_time_buyers", "rfm.frequency = 1", "exactly one purchase"),
        new("lapsed", "rfm.recency > 45 and not did(product_viewed, within 45d)", "bought once, neither bought nor browsed for 45+ days"),
        new("viewed_never_bought", "did(product_viewed, within 30d) and not did(purchase)", "browsed in the last 30 days, never bought"),
    ];

    /// <summary>The retail data holds only purchases (one per invoice), so its segments are about buying.</summary>
    public static IReadOnlyList<DemoSegment> Retail { get; } =
    [
        new("champions", "rfm.frequency >= 5 and rfm.recency <= 30", "5+ invoices, the last within 30 days"),
        new("big_spenders", "rfm.monetary >= 5000", "5,000+ in revenue"),
        new("one_time_buyers", "rfm.frequency = 1", "exactly one invoice"),
        new("lapsed", "rfm.recency > 45", "no invoice for over 45 days"),
    ];
}
