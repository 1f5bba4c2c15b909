using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Recommendations;

/// <summary>
/// A customer's history as recommendations read it: per item the largest weight of its interaction kinds (as in
/// training, at most <see cref="CustomerItemMatrix.MaxItemsPerCustomer"/> most recent items), and its categories,
/// the one it engaged with most first.
/// </summary>
internal sealed record CustomerProfile(IReadOnlyList<(string Item, double Weight)> Items, IReadOnlyList<string> Categories)
{
    public static CustomerProfile Of(IReadOnlyList<ItemInteraction> history, ItemToItemModel model)
    {
        var items = new Dictionary<string, (double Weight, long At, string? Category)>(StringComparer.Ordinal);
        foreach (var interaction in history)
        {
            var weight = CustomerItemMatrix.Weight(interaction.Kind, model.Options);
            var (known, at, category) = items.GetValueOrDefault(interaction.ItemId);
            items[interaction.ItemId] = (Math.Max(known, weight), Math.Max(at, interaction.At), interaction.Category ?? category);
        }

        var recent = items
            .OrderByDescending(p => p.Value.At)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(CustomerItemMatrix.MaxItemsPerCustomer)
            .ToList();
        var categories = recent
            .Select(p => (Category: p.Value.Category ?? model.CategoryOf(p.Key), p.Value.Weight))
            .Where(c => c.Category is not null)
            .GroupBy(c => c.Category!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(c => c.Weight))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        return new CustomerProfile([.. recent.Select(p => (p.Key, p.Value.Weight))], categories);
    }
}
