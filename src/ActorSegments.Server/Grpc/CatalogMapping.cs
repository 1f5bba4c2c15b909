using ActorSegments.Domain.Catalog;

namespace ActorSegments.Server.Grpc;

/// <summary>Catalog items between the API's messages and the Domain's records.</summary>
internal static class CatalogMapping
{
    public static CatalogItem ToDomain(Protos.V1.CatalogItem item) => new(
        item.ItemId,
        item.Title,
        item.Description,
        CatalogItem.ParseCategory(item.Category),
        item.Brand,
        item.HasPrice ? Price(item.Price) : null,
        item.Currency.Length == 0 ? null : item.Currency,
        [.. item.Tags]);

    public static Protos.V1.CatalogItem ToProto(CatalogItem item)
    {
        var message = new Protos.V1.CatalogItem
        {
            ItemId = item.Id,
            Title = item.Title,
            Description = item.Description,
            Category = item.Category,
            Brand = item.Brand,
            Currency = item.Currency ?? string.Empty,
            Version = item.Version,
        };
        message.Tags.AddRange(item.Tags);
        if (item.Price is { } price)
        {
            message.Price = (double)price;
        }

        return message;
    }

    // A price that is not a finite decimal (NaN, infinities, beyond decimal's range) becomes one validation refuses.
    private static decimal Price(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e27 ? (decimal)value : decimal.MinusOne;
}
