using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Recommendations;

/// <summary>
/// The weighted customer × item matrix recommendations are learned from, as sparse rows: per (customer, item) the
/// largest weight of its interaction kinds (a purchase outweighs the views that led to it), and per item its most
/// frequent category and how many distinct customers bought it or touched it at all.
/// </summary>
/// <remarks>
/// Each customer keeps only its <see cref="MaxItemsPerCustomer"/> most recent items: similarity costs the square of
/// a row's length, and a customer who touched thousands of items (a crawler, a reseller) says little about any pair.
/// Popularity counts every item before that cap. Items are numbered in ordinal id order, so the same interactions
/// give the same model whatever order they come in.
/// </remarks>
internal sealed class CustomerItemMatrix
{
    public const int MaxItemsPerCustomer = 200;

    private CustomerItemMatrix(string[] items, string?[] categories, int[] purchasers, int[] interactors, int[] rowStarts, int[] columns, float[] weights)
    {
        (Items, Categories, Purchasers, Interactors, RowStarts, Columns, Weights) = (items, categories, purchasers, interactors, rowStarts, columns, weights);
    }

    public string[] Items { get; }

    public string?[] Categories { get; }

    public int[] Purchasers { get; }

    public int[] Interactors { get; }

    /// <summary>Customer c's items are <see cref="Columns"/>[RowStarts[c]..RowStarts[c + 1]], with their <see cref="Weights"/>.</summary>
    public int[] RowStarts { get; }

    public int[] Columns { get; }

    public float[] Weights { get; }

    public int CustomerCount => RowStarts.Length - 1;

    public static float Weight(InteractionKind kind, RecommendationOptions options) => (float)(kind switch
    {
        InteractionKind.Purchase => options.PurchaseWeight,
        InteractionKind.CartAdd => options.CartWeight,
        _ => options.ViewWeight,
    });

    public static CustomerItemMatrix Build(IEnumerable<ItemInteraction> interactions, RecommendationOptions options)
    {
        var customers = new Dictionary<string, int>(StringComparer.Ordinal);
        var itemIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var categoryCounts = new Dictionary<(int Item, string Category), int>();
        var touches = new List<Touch>();
        foreach (var interaction in interactions)
        {
            var item = Intern(itemIds, interaction.ItemId);
            touches.Add(new Touch(Intern(customers, interaction.CustomerId), item, Weight(interaction.Kind, options), interaction.At, interaction.Kind == InteractionKind.Purchase));
            if (!string.IsNullOrEmpty(interaction.Category))
            {
                categoryCounts[(item, interaction.Category)] = categoryCounts.GetValueOrDefault((item, interaction.Category)) + 1;
            }
        }

        // Renumber items in ordinal order of their ids.
        var items = itemIds.Keys.Order(StringComparer.Ordinal).ToArray();
        var renumber = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            renumber[itemIds[items[i]]] = i;
        }

        var categories = new string?[items.Length];
        foreach (var ((item, category), _) in categoryCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Category, StringComparer.Ordinal))
        {
            categories[renumber[item]] ??= category;
        }

        if (options.TrainingHalfLifeDays is { } halfLife && touches.Count > 0)
        {
            var latest = touches.Max(t => t.At);
            var seconds = halfLife * 86_400;
            for (var i = 0; i < touches.Count; i++)
            {
                touches[i] = touches[i] with { Weight = touches[i].Weight * (float)Math.Pow(0.5, (latest - touches[i].At) / seconds) };
            }
        }

        var pairs = touches.Select(t => t with { Item = renumber[t.Item] }).OrderBy(t => t.Customer).ThenBy(t => t.Item).ToArray();
        return FromSortedTouches(pairs, customers.Count, items, categories);
    }

    private static CustomerItemMatrix FromSortedTouches(Touch[] touches, int customerCount, string[] items, string?[] categories)
    {
        var purchasers = new int[items.Length];
        var interactors = new int[items.Length];
        var rowStarts = new int[customerCount + 1];
        var columns = new List<int>();
        var weights = new List<float>();
        var row = new List<Touch>();
        for (var start = 0; start < touches.Length;)
        {
            var customer = touches[start].Customer;
            row.Clear();
            for (; start < touches.Length && touches[start].Customer == customer; start++)
            {
                var touch = touches[start];
                if (row.Count > 0 && row[^1].Item == touch.Item)
                {
                    var last = row[^1];
                    row[^1] = last with { Weight = Math.Max(last.Weight, touch.Weight), At = Math.Max(last.At, touch.At), Purchase = last.Purchase || touch.Purchase };
                }
                else
                {
                    row.Add(touch);
                }
            }

            foreach (var pair in row)
            {
                interactors[pair.Item]++;
                purchasers[pair.Item] += pair.Purchase ? 1 : 0;
            }

            foreach (var pair in row.Count <= MaxItemsPerCustomer ? row : row.OrderByDescending(p => p.At).ThenBy(p => p.Item).Take(MaxItemsPerCustomer).OrderBy(p => p.Item).ToList())
            {
                columns.Add(pair.Item);
                weights.Add(pair.Weight);
            }

            rowStarts[customer + 1] = columns.Count;
        }

        return new CustomerItemMatrix(items, categories, purchasers, interactors, rowStarts, [.. columns], [.. weights]);
    }

    private static int Intern(Dictionary<string, int> ids, string id)
    {
        if (!ids.TryGetValue(id, out var index))
        {
            index = ids.Count;
            ids[id] = index;
        }

        return index;
    }

    private readonly record struct Touch(int Customer, int Item, float Weight, long At, bool Purchase);
}
