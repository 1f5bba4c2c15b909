using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.MlCheck;

/// <summary>
/// A seeded synthetic shop for <c>hybrid-cost</c>, with purchase structure a collaborative model can use: the catalog of
/// <see cref="ContentCost"/>, and customers who each keep to two aisles (the first two category levels, 100 aisles)
/// and place 1 to 8 orders at random times over <see cref="Days"/> days, of 2 to 6 lines each: 70 % of lines from the
/// customer's first aisle, 20 % from its second, 10 % from the whole catalog; within an aisle and in the whole catalog
/// item k is drawn with probability about proportional to 1/k, so a few items per aisle sell most and are bought
/// together. Every line is viewed shortly before it is bought; the lines of one order share its time.
/// </summary>
internal static class HybridCostData
{
    public const int Days = 180;

    private const long Day = 86_400;

    /// <summary>Everything is dated before this: train on all of it by passing it as the cutoff.</summary>
    public const long End = Days * Day;

    public static (IReadOnlyList<CatalogItem> Catalog, IReadOnlyList<ItemInteraction> Interactions) Generate(int items, int customers, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(items);
        var random = new Random(seed);
        var catalog = Enumerable.Range(0, items).Select(i => ContentCost.Item(i, random)).ToList();
        var aisles = catalog.GroupBy(Aisle, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray();
        var interactions = new List<ItemInteraction>();
        for (var c = 0; c < customers; c++)
        {
            var (first, second) = (aisles[random.Next(aisles.Length)], aisles[random.Next(aisles.Length)]);
            var orders = random.Next(1, 9);
            for (var o = 0; o < orders; o++)
            {
                var at = random.NextInt64(Day, End);
                var lines = random.Next(2, 7);
                for (var l = 0; l < lines; l++)
                {
                    var draw = random.NextDouble();
                    var item = Zipf(draw < 0.7 ? first : draw < 0.9 ? second : catalog, random);
                    var category = string.Join(CatalogItem.CategorySeparator, item.CategoryPath);
                    interactions.Add(new ItemInteraction($"c{c}", item.Id, category, InteractionKind.View, at - random.Next(60, 3_600)));
                    interactions.Add(new ItemInteraction($"c{c}", item.Id, category, InteractionKind.Purchase, at));
                }
            }
        }

        return (catalog, interactions);
    }

    private static string Aisle(CatalogItem item) => $"{item.CategoryPath[0]}/{item.CategoryPath[1]}";

    // Item k (from 1) with probability about proportional to 1/k.
    private static CatalogItem Zipf(IReadOnlyList<CatalogItem> items, Random random) =>
        items[Math.Min(items.Count - 1, (int)Math.Exp(random.NextDouble() * Math.Log(items.Count + 1)) - 1)];
}
