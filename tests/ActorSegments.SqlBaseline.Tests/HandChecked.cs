using ActorSegments.Workload;

namespace ActorSegments.SqlBaseline.Tests;

/// <summary>A few customers whose memberships follow from the rules by hand, far from every window edge.</summary>
internal static class HandChecked
{
    public static IEnumerable<WorkloadEvent> Events(DateTimeOffset now)
    {
        var n = 0;
        WorkloadEvent E(string customer, string type, TimeSpan ago, params (string Key, object Value)[] properties) =>
            new(customer, $"e{n++}", type, now - ago, properties.ToDictionary(p => p.Key, p => p.Value));
        var hour = TimeSpan.FromHours(1);
        var day = TimeSpan.FromDays(1);
        return
        [
            // A new visitor browsing right now.
            E("c1", "product_viewed", hour, ("category", "Audio"), ("price", 20.0)),
            // A visitor who left 250 in a cart two hours ago.
            E("c2", "product_viewed", 3 * hour, ("category", "Gaming"), ("price", 250.0)),
            E("c2", "cart_added", 2 * hour, ("category", "Gaming"), ("price", 250.0), ("quantity", 1.0)),
            // One purchase of 600 seventy days ago and nothing since: at risk.
            E("c3", "purchase", 70 * day, ("category", "Cameras"), ("revenue", 600.0)),
            // One purchase seventy days ago and a visit ten days ago: re-engaged.
            E("c4", "purchase", 70 * day, ("category", "Home"), ("revenue", 100.0)),
            E("c4", "page_viewed", 10 * day, ("path", "/")),
            // Three purchases of 400 in the last three days.
            E("c5", "purchase", 3 * day, ("category", "Laptops"), ("revenue", 400.0)),
            E("c5", "purchase", 2 * day, ("category", "Laptops"), ("revenue", 400.0)),
            E("c5", "purchase", day, ("category", "Laptops"), ("revenue", 400.0)),
            // Only an email sent 100 days ago: a prospect lapsed without ever being active.
            E("c6", "email_sent", 100 * day, ("campaign", "weekly-deals")),
            // Three visits within ten days, five days ago: an engaged prospect.
            E("c7", "page_viewed", 15 * day, ("path", "/")),
            E("c7", "page_viewed", 10 * day, ("path", "/deals")),
            E("c7", "page_viewed", 5 * day, ("path", "/")),
            // One visit 100 days ago: lapsed and dormant.
            E("c8", "page_viewed", 100 * day, ("path", "/")),
        ];
    }

    public static IReadOnlyDictionary<string, HashSet<string>> Expected { get; } = new Dictionary<string, HashSet<string>>
    {
        ["recent-browsers"] = ["c1", "c2"],
        ["browse-no-cart"] = ["c1"],
        ["cart-abandoners"] = ["c2"],
        ["high-value-cart"] = ["c2"],
        ["lapsed-big-spenders"] = ["c3"],
        ["at-risk"] = ["c3"],
        ["re-engaged"] = ["c4"],
        ["repeat-buyers"] = ["c5"],
        ["first-time-buyers"] = [],
        ["new-visitors"] = ["c1", "c2"],
        ["engaged-prospects"] = ["c7"],
        ["lapsed"] = ["c6", "c8"],
        ["dormant"] = ["c8"],
        ["single-purchase"] = ["c3", "c4"],
        ["recent-repeaters"] = ["c5"],
        ["big-spenders-90d"] = ["c5"],
        ["high-average-order"] = ["c3", "c5"],
        ["camera-buyers"] = ["c3"],
        ["gaming-affinity"] = ["c2"],
        ["us-customers"] = [],
    };
}
