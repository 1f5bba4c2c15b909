using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Tests.Recommendations;

/// <summary>
/// Planted structure: four groups of three items (g0-a, g0-b, g0-c, ...; category cat0, ...) that the same customers
/// buy together, and two hits bought by many more customers who buy nothing else, so popularity alone would
/// recommend the hits first.
/// </summary>
internal static class CoPurchaseGroups
{
    public static readonly string[] Hits = ["hit-1", "hit-2"];

    private static readonly string[] Members = ["a", "b", "c"];

    public static IReadOnlyList<ItemInteraction> Interactions()
    {
        var random = new Random(3);
        var interactions = new List<ItemInteraction>();
        for (var g = 0; g < 4; g++)
        {
            for (var c = 0; c < 40; c++)
            {
                var customer = $"g{g}-customer{c}";
                // Each buys two or three of the group's items, and views a hit now and then.
                foreach (var item in Members.Where(_ => random.NextDouble() < 0.8))
                {
                    interactions.Add(Of(customer, $"g{g}-{item}", InteractionKind.Purchase, $"cat{g}", 100 + c));
                }

                if (random.NextDouble() < 0.1)
                {
                    interactions.Add(Of(customer, Hits[0], InteractionKind.View, "hits", 90));
                }
            }
        }

        for (var c = 0; c < 100; c++)
        {
            interactions.Add(Of($"fan{c}", Hits[0], InteractionKind.Purchase, "hits", 50));
            interactions.Add(Of($"fan{c}", Hits[1], InteractionKind.Purchase, "hits", 60));
        }

        interactions.Add(Of("loner", "solo", InteractionKind.View, "cat1", 70));
        return interactions;
    }

    public static ItemInteraction Of(string customer, string item, InteractionKind kind, string? category = null, long at = 0) =>
        new(customer, item, category, kind, at);
}
