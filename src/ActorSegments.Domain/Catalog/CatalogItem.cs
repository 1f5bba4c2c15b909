namespace ActorSegments.Domain.Catalog;

/// <summary>
/// One item of a workspace's catalog: what content-based recommendations know about a product besides who bought it.
/// </summary>
/// <param name="Id">The item id, the same string events carry in their product property (<c>product_id</c>).</param>
/// <param name="Title">A short name; may be empty.</param>
/// <param name="Description">Free text; may be empty.</param>
/// <param name="CategoryPath">Levels from the broadest, e.g. ["Home", "Kitchen", "Mugs"] for "Home &gt; Kitchen &gt; Mugs".</param>
/// <param name="Brand">May be empty.</param>
/// <param name="Price">Non-negative, in <paramref name="Currency"/> when one is given; null when unknown.</param>
/// <param name="Currency">An ISO 4217 code such as "GBP", or null: a price without currency is in the workspace's own.</param>
/// <param name="Tags">Short labels such as "vintage"; each at most once.</param>
/// <param name="Version">The catalog version the item was last changed in; 0 on items not yet stored.</param>
public sealed record CatalogItem(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> CategoryPath,
    string Brand,
    decimal? Price,
    string? Currency,
    IReadOnlyList<string> Tags,
    long Version = 0)
{
    /// <summary>How a category path is written in files and messages: "Home &gt; Kitchen &gt; Mugs".</summary>
    public const string CategorySeparator = " > ";

    /// <summary>An item known only by id and description (as derived from events).</summary>
    public static CatalogItem Described(string id, string description, decimal? price = null) =>
        new(id, string.Empty, description, [], string.Empty, price, null, []);

    public string Category => string.Join(CategorySeparator, CategoryPath);

    /// <summary>"Home &gt; Kitchen &gt; Mugs" as levels; blank levels are kept, for validation to refuse.</summary>
    public static IReadOnlyList<string> ParseCategory(string? path) =>
        string.IsNullOrWhiteSpace(path) ? [] : [.. path.Split('>').Select(level => level.Trim())];

    public bool Equals(CatalogItem? other) =>
        other is not null && Id == other.Id && Title == other.Title && Description == other.Description
        && CategoryPath.SequenceEqual(other.CategoryPath) && Brand == other.Brand && Price == other.Price
        && Currency == other.Currency && Tags.SequenceEqual(other.Tags) && Version == other.Version;

    public override int GetHashCode() => HashCode.Combine(Id, Title, Description, Brand, Price, Currency, Version);
}
