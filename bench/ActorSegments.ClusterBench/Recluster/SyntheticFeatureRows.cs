using ActorSegments.Domain.Features;

namespace ActorSegments.ClusterBench.Recluster;

/// <summary>
/// Feature rows drawn around an archetype: counts and amounts with log-normal noise (heavy-tailed, as real ones are),
/// rates with normal noise, and the relations the real extractor guarantees kept (no purchases means recency 400 and
/// no order value, nothing in the last 30 days when inactive for longer, categories at most products). Each row
/// depends only on the customer number and a draw number, so runs and processes produce the same rows.
/// </summary>
internal static class SyntheticFeatureRows
{
    private const float Never = CustomerFeatures.NeverDays;

    public static string CustomerId(int customer) => $"c{customer}";

    /// <summary>Customer <paramref name="customer"/>'s row as of <paramref name="asOf"/>; another draw gives other noise.</summary>
    public static FeatureRow Draw(int customer, FeatureArchetype archetype, int draw, long asOf)
    {
        var random = new Random(unchecked((customer * 1_000_003) + (draw * 7_919)));
        var a = archetype;
        var purchases = Count(random, a.Purchases, minimum: a.Purchases > 0 ? 1 : 0);
        var bought = purchases > 0;
        var recency = bought ? Math.Min(Spread(random, a.RecencyDays), Never - 1) : Never;
        var orderValue = bought ? Spread(random, a.OrderValue) : 0;
        var sinceActive = Math.Min(Spread(random, a.DaysSinceActive), recency);
        var recent = sinceActive <= 30;
        var products = Math.Clamp(Count(random, a.Products, minimum: 1), 1, 10);
        float[] values =
        [
            recency,
            purchases,
            purchases * orderValue,
            orderValue,
            recency <= 90 ? Math.Min(purchases, Count(random, a.Purchases90d, minimum: 1)) : 0,
            sinceActive,
            Math.Max(Spread(random, a.TenureDays), Math.Max(sinceActive, bought ? recency : 0)),
            recent ? Math.Clamp(Count(random, a.ActiveDays30d, minimum: 1), 1, 30) : 0,
            Math.Clamp(MathF.Round(Normal(random, a.EventTypes, 1)), 1, 10),
            Spread(random, a.Engagement),
            Math.Clamp(Normal(random, a.OpenRate, 0.12f), 0, 1),
            0, // the click rate, at most the open rate: below
            products,
            Math.Clamp(Count(random, a.Categories, minimum: 1), 1, Math.Min(products, 8)),
            recent ? Count(random, a.Views30d, minimum: 0) : 0,
            recent ? Count(random, a.CartAdds30d, minimum: 0) : 0,
            a.Abandonment > 0 ? Math.Clamp(Normal(random, a.Abandonment, 0.15f), 0, 1) : 0,
        ];
        values[11] = Math.Clamp(Normal(random, a.ClickRate, 0.05f), 0, values[10]);
        return new FeatureRow(CustomerId(customer), asOf, values);
    }

    /// <summary>A whole count around <paramref name="typical"/>, at least <paramref name="minimum"/> unless typical is 0.</summary>
    private static float Count(Random random, float typical, int minimum) =>
        typical <= 0 ? 0 : Math.Max(minimum, MathF.Round(Spread(random, typical)));

    /// <summary>Log-normal around <paramref name="typical"/>: a customer is as likely at half the typical value as at double.</summary>
    private static float Spread(Random random, float typical) => typical * MathF.Exp(0.5f * Normal(random, 0, 1));

    private static float Normal(Random random, float mean, float deviation)
    {
        // Box–Muller; 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return mean + (deviation * (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v)));
    }
}
