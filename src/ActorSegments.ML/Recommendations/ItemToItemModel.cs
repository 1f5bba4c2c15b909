using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;

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
        var voted = Votes(history, exclude, count).Select(v => new RecommendedItem(v.ItemId, new RecommendationReason(RecommendationReasonKind.BoughtTogether, v.Because))).ToList();
        return [.. RecommendationFill.Complete(voted, Fallback(history), exclude, count).Select(r => r.ItemId)];
    }

    public IReadOnlyList<ItemVote> Votes(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(exclude);
        var customer = CustomerProfile.Of(history, this);
        var votes = new Dictionary<int, (double Sum, double Largest, int From)>();
        foreach (var (item, weight) in customer.Items)
        {
            if (_index.TryGetValue(item, out var index))
            {
                foreach (var neighbor in Neighbors[index])
                {
                    var vote = neighbor.Similarity * weight;
                    var (sum, largest, from) = votes.GetValueOrDefault(neighbor.Item, (0, double.NegativeInfinity, index));
                    // The first item to give the largest vote keeps the credit: the customer's items come most recent first.
                    votes[neighbor.Item] = vote > largest ? (sum + vote, vote, index) : (sum + vote, largest, from);
                }
            }
        }

        return [.. votes
            .OrderByDescending(v => v.Value.Sum)
            .ThenBy(v => _rank[v.Key])
            .Where(v => !exclude.Contains(Items[v.Key]))
            .Take(Math.Max(0, count))
            .Select(v => new ItemVote(Items[v.Key], v.Value.Sum, Items[v.Value.From]))];
    }

    public IEnumerable<RecommendedItem> Fallback(IReadOnlyList<ItemInteraction> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        foreach (var category in CustomerProfile.Of(history, this).Categories)
        {
            var reason = new RecommendationReason(RecommendationReasonKind.PopularInCategory, category);
            foreach (var item in _popularByCategory.GetValueOrDefault(category, []))
            {
                yield return new RecommendedItem(Items[item], reason);
            }
        }

        foreach (var item in Popularity)
        {
            yield return new RecommendedItem(Items[item], RecommendationReason.Popular);
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
