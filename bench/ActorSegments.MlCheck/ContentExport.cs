using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.MlCheck;

/// <summary>
/// The rows bench/ml/content_peer.py recomputes content-based recommendations from: every product interaction
/// (customer, item, kind, Unix time) and both catalogs (item id and the text the model reads, quoted as CSV).
/// </summary>
internal static class ContentExport
{
    public static void Write(string directory, IReadOnlyList<ItemInteraction> interactions, IReadOnlyList<CatalogItem> catalog, IReadOnlyList<CatalogItem> catalogBefore)
    {
        CsvExport.Write(
            Path.Combine(directory, "content_interactions.csv"),
            ["customer_id", "item_id", "kind", "at"],
            interactions.Select(i => new[] { Quote(i.CustomerId), Quote(i.ItemId), i.Kind.ToString(), i.At.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        WriteCatalog(Path.Combine(directory, "content_catalog.csv"), catalog);
        WriteCatalog(Path.Combine(directory, "content_catalog_before.csv"), catalogBefore);
    }

    private static void WriteCatalog(string path, IReadOnlyList<CatalogItem> catalog) =>
        CsvExport.Write(path, ["item_id", "text"], catalog.Select(item => new[] { Quote(item.Id), Quote(Domain.Modeling.Content.ItemVectors.Text(item)) }));

    private static string Quote(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
