namespace ActorSegments.Workload;

/// <summary>
/// The mix of one event: its type and properties, named as in the commerce schema. Shares: 55% product views, 15%
/// page views, 6% searches, 6% cart adds, 2% cart removes, 2% checkouts, 2% purchases, 6% emails sent, 4% opened,
/// 2% clicked — a shop where one view in about thirty ends in a purchase.
/// </summary>
public static class WorkloadMix
{
    /// <summary>The categories the sample segments ask about.</summary>
    public static IReadOnlyList<string> Categories { get; } =
        ["Smartphones", "Laptops", "Audio", "Cameras", "Wearables", "Gaming", "Home", "Accessories"];

    private static readonly string[] Paths = ["/", "/deals", "/cart", "/account", "/help", "/blog"];
    private static readonly string[] Queries = ["headphones", "usb-c cable", "4k tv", "gaming mouse", "phone case", "tripod"];
    private static readonly string[] Campaigns = ["weekly-deals", "back-in-stock", "cart-reminder", "new-arrivals"];

    /// <summary>Draws one event's type and properties from <paramref name="random"/>.</summary>
    public static (string Type, IReadOnlyDictionary<string, object> Properties) Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var roll = random.Next(100);
        var category = Categories[random.Next(Categories.Count)];
        var product = $"P{random.Next(500)}";
        var price = Math.Round(5 + (random.NextDouble() * 295), 2);
        return roll switch
        {
            < 55 => ("product_viewed", new Dictionary<string, object> { ["category"] = category, ["product_id"] = product, ["price"] = price }),
            < 70 => ("page_viewed", new Dictionary<string, object> { ["path"] = Pick(random, Paths) }),
            < 76 => ("search", new Dictionary<string, object> { ["query"] = Pick(random, Queries) }),
            < 82 => ("cart_added", new Dictionary<string, object> { ["category"] = category, ["product_id"] = product, ["price"] = price, ["quantity"] = 1.0 }),
            < 84 => ("cart_removed", new Dictionary<string, object> { ["product_id"] = product, ["price"] = price, ["quantity"] = 1.0 }),
            < 86 => ("checkout_started", new Dictionary<string, object> { ["value"] = price }),
            < 88 => ("purchase", new Dictionary<string, object> { ["category"] = category, ["revenue"] = Math.Round(20 + (random.NextDouble() * 400), 2), ["items"] = (double)(1 + random.Next(3)) }),
            < 94 => ("email_sent", new Dictionary<string, object> { ["campaign"] = Pick(random, Campaigns) }),
            < 98 => ("email_opened", new Dictionary<string, object> { ["campaign"] = Pick(random, Campaigns) }),
            _ => ("email_clicked", new Dictionary<string, object> { ["campaign"] = Pick(random, Campaigns) }),
        };
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
