namespace ActorSegments.Datasets.Synthetic;

/// <summary>A product of the synthetic shop.</summary>
public sealed record Product(string Id, string Category, decimal Price);

/// <summary>
/// The synthetic shop's fixed catalog: the same for every seed, so product ids and categories in a demo are stable
/// across runs and the seed only changes behavior.
/// </summary>
public static class Catalog
{
    private const int ProductsPerCategory = 20;

    private static readonly (string Name, string Prefix, int MinPrice, int MaxPrice, bool Premium)[] Categories =
    [
        ("Smartphones", "SP", 199, 1199, true),
        ("Laptops", "LT", 499, 2499, true),
        ("Headphones", "HP", 29, 399, false),
        ("Books", "BK", 8, 45, false),
        ("Kitchen", "KT", 12, 180, false),
        ("Toys", "TY", 9, 90, false),
        ("Sports", "SO", 15, 220, false),
        ("Beauty", "BE", 6, 75, false),
    ];

    public static IReadOnlyList<string> CategoryNames { get; } = [.. Categories.Select(c => c.Name)];

    public static IReadOnlyList<string> PremiumCategories { get; } = [.. Categories.Where(c => c.Premium).Select(c => c.Name)];

    public static IReadOnlyDictionary<string, IReadOnlyList<Product>> ByCategory { get; } = Categories.ToDictionary(
        c => c.Name,
        c => (IReadOnlyList<Product>)[.. Enumerable.Range(1, ProductsPerCategory).Select(n => new Product($"{c.Prefix}-{n:D3}", c.Name, PriceOf(c.MinPrice, c.MaxPrice, n)))],
        StringComparer.Ordinal);

    /// <summary>Spread over the category's range in a scrambled order, ending in .99 like shop prices do.</summary>
    private static decimal PriceOf(int min, int max, int n) => min + ((max - min) * (n * 37 % ProductsPerCategory) / ProductsPerCategory) + 0.99m;
}
