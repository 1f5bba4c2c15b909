using ActorSegments.Domain.Modeling;

namespace ActorSegments.RecommendationScale;

/// <summary>
/// Purchases over a synthetic catalog shaped like order data: items in groups of 40 bought together (a customer's
/// taste is one group), plus items drawn from a long-tailed popularity (Zipf, exponent 1) across the catalog. Two
/// customers per three items, 30 lines each, as the retail data has about one customer per item and 90 lines each
/// but with the cap of 200 items per customer rarely reached.
/// </summary>
internal static class SyntheticCatalog
{
    private const int GroupSize = 40;
    private const int LinesPerCustomer = 30;

    public static List<ItemInteraction> Purchases(int items, int seed = 1)
    {
        var random = new Random(seed);
        var cumulative = new double[items];
        var total = 0.0;
        for (var i = 0; i < items; i++)
        {
            cumulative[i] = total += 1.0 / (i + 1);
        }

        var customers = Math.Max(1, items * 2 / 3);
        var purchases = new List<ItemInteraction>(customers * LinesPerCustomer);
        for (var c = 0; c < customers; c++)
        {
            var group = random.Next(Math.Max(1, items / GroupSize)) * GroupSize;
            for (var line = 0; line < LinesPerCustomer; line++)
            {
                var item = random.NextDouble() < 0.6 ? group + random.Next(GroupSize) : Popular(cumulative, random.NextDouble() * total);
                item = Math.Min(items - 1, item);
                purchases.Add(new ItemInteraction($"c{c}", $"i{item}", $"cat{item / GroupSize % 50}", InteractionKind.Purchase, line));
            }
        }

        return purchases;
    }

    /// <summary>The first item whose cumulative popularity reaches <paramref name="draw"/>.</summary>
    private static int Popular(double[] cumulative, double draw) => Array.BinarySearch(cumulative, draw) is var found && found >= 0 ? found : ~found;
}
