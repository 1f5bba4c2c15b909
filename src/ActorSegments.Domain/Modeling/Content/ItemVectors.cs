using ActorSegments.Domain.Catalog;

namespace ActorSegments.Domain.Modeling.Content;

/// <summary>
/// Each catalog item as a unit-length sparse vector: the TF-IDF of its title, description and tags (see
/// <see cref="ContentTokenizer"/> and <see cref="TfIdf"/>), then one feature per category path prefix and one for the
/// brand (case-insensitive), weighted by <see cref="ContentOptions"/>, the whole scaled to length 1. An item with no
/// text, category or brand has the zero vector and is never recommended.
/// </summary>
public static class ItemVectors
{
    public static IReadOnlyList<SparseVector> Build(IReadOnlyList<CatalogItem> items, ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        var documents = items.Select(item => (IReadOnlyList<string>)ContentTokenizer.Tokenize(Text(item))).ToList();
        var tfidf = TfIdf.Fit(documents);
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        int Label(string key) => labels.TryGetValue(key, out var i) ? i : labels[key] = tfidf.Terms + labels.Count;

        var vectors = new SparseVector[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var text = tfidf.Transform(documents[i]);
            if (items[i].CategoryPath.Count == 0 && items[i].Brand.Length == 0)
            {
                vectors[i] = text; // already of length 1 (or zero): scaling again would only move the last bits
                continue;
            }

            var entries = text.Indexes.Zip(text.Values, KeyValuePair.Create).ToList();
            var path = items[i].CategoryPath;
            for (var depth = 1; depth <= path.Count; depth++)
            {
                entries.Add(KeyValuePair.Create(Label("c:" + string.Join(CatalogItem.CategorySeparator, path.Take(depth)).ToLowerInvariant()), options.CategoryWeight));
            }

            if (items[i].Brand.Length > 0)
            {
                entries.Add(KeyValuePair.Create(Label("b:" + items[i].Brand.ToLowerInvariant()), options.BrandWeight));
            }

            vectors[i] = SparseVector.From(entries).Normalized();
        }

        return vectors;
    }

    /// <summary>The text an item is known by: title, description and tags, one per line.</summary>
    public static string Text(CatalogItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.Join('\n', item.Title, item.Description, string.Join(' ', item.Tags));
    }
}
