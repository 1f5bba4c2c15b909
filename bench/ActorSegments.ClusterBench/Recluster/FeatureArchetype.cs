namespace ActorSegments.ClusterBench.Recluster;

/// <summary>
/// A kind of customer as the feature table sees it: the typical value of each feature, around which synthetic rows
/// are drawn. The kinds and their shares are those of the CLI's synthetic shop (<c>src/ActorSegments.Cli/Data/
/// Synthetic/CustomerArchetype.cs</c>), written directly as feature values so a million rows take seconds, not a
/// simulated year of events. <c>Share</c> is customers of this kind per 100; the rest are the features' typical values,
/// in <c>CustomerFeatures</c> order (monetary is drawn as purchases times order value).
/// </summary>
internal sealed record FeatureArchetype(
    string Name,
    int Share,
    float RecencyDays,
    float Purchases,
    float OrderValue,
    float Purchases90d,
    float DaysSinceActive,
    float TenureDays,
    float ActiveDays30d,
    float EventTypes,
    float Engagement,
    float OpenRate,
    float ClickRate,
    float Products,
    float Categories,
    float Views30d,
    float CartAdds30d,
    float Abandonment)
{
    private static readonly FeatureArchetype[] Kinds =
    [
        new("champion", 10, RecencyDays: 6, Purchases: 14, OrderValue: 140, Purchases90d: 5, DaysSinceActive: 2, TenureDays: 320, ActiveDays30d: 10, EventTypes: 8, Engagement: 45, OpenRate: 0.6f, ClickRate: 0.2f, Products: 10, Categories: 6, Views30d: 30, CartAdds30d: 6, Abandonment: 0.2f),
        new("loyal", 18, RecencyDays: 25, Purchases: 5, OrderValue: 60, Purchases90d: 2, DaysSinceActive: 6, TenureDays: 260, ActiveDays30d: 4, EventTypes: 7, Engagement: 14, OpenRate: 0.4f, ClickRate: 0.1f, Products: 7, Categories: 4, Views30d: 9, CartAdds30d: 2, Abandonment: 0.3f),
        new("at risk big spender", 7, RecencyDays: 140, Purchases: 10, OrderValue: 180, Purchases90d: 0, DaysSinceActive: 120, TenureDays: 330, ActiveDays30d: 0, EventTypes: 6, Engagement: 3, OpenRate: 0.3f, ClickRate: 0.05f, Products: 6, Categories: 4, Views30d: 0, CartAdds30d: 0, Abandonment: 0.5f),
        new("lapsed", 15, RecencyDays: 250, Purchases: 1.5f, OrderValue: 50, Purchases90d: 0, DaysSinceActive: 240, TenureDays: 300, ActiveDays30d: 0, EventTypes: 4, Engagement: 0.5f, OpenRate: 0.2f, ClickRate: 0.03f, Products: 2, Categories: 2, Views30d: 0, CartAdds30d: 0, Abandonment: 0),
        new("one-time buyer", 15, RecencyDays: 110, Purchases: 1, OrderValue: 40, Purchases90d: 0.3f, DaysSinceActive: 30, TenureDays: 150, ActiveDays30d: 1, EventTypes: 4, Engagement: 2, OpenRate: 0.2f, ClickRate: 0.03f, Products: 2, Categories: 1, Views30d: 1, CartAdds30d: 0, Abandonment: 0),
        new("window shopper", 22, RecencyDays: 400, Purchases: 0, OrderValue: 0, Purchases90d: 0, DaysSinceActive: 5, TenureDays: 180, ActiveDays30d: 5, EventTypes: 4, Engagement: 10, OpenRate: 0.3f, ClickRate: 0.08f, Products: 8, Categories: 4, Views30d: 15, CartAdds30d: 4, Abandonment: 0.9f),
        new("new visitor", 13, RecencyDays: 400, Purchases: 0, OrderValue: 0, Purchases90d: 0, DaysSinceActive: 1.5f, TenureDays: 3, ActiveDays30d: 3, EventTypes: 3, Engagement: 8, OpenRate: 0.4f, ClickRate: 0.1f, Products: 4, Categories: 2, Views30d: 10, CartAdds30d: 1, Abandonment: 0.8f),
    ];

    public static IReadOnlyList<FeatureArchetype> All => Kinds;

    /// <summary>What a customer of this kind turns into on a day it changes: the next kind in the list.</summary>
    public FeatureArchetype Next() => Kinds[(Array.IndexOf(Kinds, this) + 1) % Kinds.Length];

    /// <summary>The kind of customer number <paramref name="customer"/>: the shares above, interleaved.</summary>
    public static FeatureArchetype Of(int customer)
    {
        var slot = customer % 100;
        foreach (var archetype in Kinds)
        {
            if (slot < archetype.Share)
            {
                return archetype;
            }

            slot -= archetype.Share;
        }

        return Kinds[^1];
    }
}
