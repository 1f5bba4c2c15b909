using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Recommendations;

/// <summary>
/// Item-to-item recommendations: a customer's items vote for their neighbors (cosine or EASE), each vote the weight times
/// how strongly the customer interacted with the item; slots left over go to the most popular items of the customer's
/// categories, then to the most popular items overall (all a customer with no history gets). Immutable, so safe to
/// share between threads.
/// </summary>
public sealed class ItemToItemModel : IRecommendationModel
{
    private readonly Dictionary<string, int> _index;
    private readonly int[] _rank;
    private readonly Dictionary<string, int[]> _popularByCategory;

    internal ItemToItemModel(RecommendationOptions options, string[] items, string?[] categories, int[] popularity, ItemNeighbor[][] neighbors)
    {
        (Options, Items, Categories, Popularity, Neighbors) = (options, items, categories, popularity, neighbors);
        _index = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            _index[items[i]] = i;
        }

        _rank = new int[items.Length];
        for (var r = 0; r < popularity.Length; r++)
        {
            _rank[popularity[r]] = r;
        }

        _popularByCategory = popularity.Where(i => categories[i] is not null).GroupBy(i => categories[i]!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The options it was trained with; the kind weights also weigh a customer's history when recommending.</summary>
    public RecommendationOptions Options { get; }

    internal string[] Items { get; }

    internal string?[] Categories { get; }

    /// <summary>Every item, most popular first.</summary>
    internal int[] Popularity { get; }

    internal ItemNeighbor[][] Neighbors { get; }

    public IReadOnlyList<string> Recommend(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(exclude);
        var chosen = new List<string>(Math.Max(0, count));
        var taken = new HashSet<int>();
        var customer = CustomerProfile.Of(history, this);
        var votes = new Dictionary<int, double>();
        foreach (var (item, weight) in customer.Items)
        {
            if (_index.TryGetValue(item, out var index))
            {
                foreach (var neighbor in Neighbors[index])
                {
                    votes[neighbor.Item] = votes.GetValueOrDefault(neighbor.Item) + (neighbor.Similarity * weight);
                }
            }
        }

        Fill(votes.OrderByDescending(v => v.Value).ThenBy(v => _rank[v.Key]).Select(v => v.Key));
        foreach (var category in customer.Categories)
        {
            Fill(_popularByCategory.GetValueOrDefault(category, []));
        }

        Fill(Popularity);
        return chosen;

        void Fill(IEnumerable<int> candidates)
        {
            foreach (var item in candidates)
            {
                if (chosen.Count >= count)
                {
                    return;
                }

                if (!exclude.Contains(Items[item]) && taken.Add(item))
                {
                    chosen.Add(Items[item]);
                }
            }
        }
    }

    public IReadOnlyList<string> Popular(int count) => [.. Popularity.Take(Math.Max(0, count)).Select(i => Items[i])];

    public byte[] Serialize() => ItemToItemModelFormat.Write(this);

    /// <summary>Reads a model written by <see cref="Serialize"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a model, or of a version this code does not read.</exception>
    public static ItemToItemModel Deserialize(byte[] payload) => ItemToItemModelFormat.Read(payload);

    /// <summary>The category the model knows an item by (its most frequent one), or null.</summary>
    internal string? CategoryOf(string item) => _index.TryGetValue(item, out var index) ? Categories[index] : null;
}
