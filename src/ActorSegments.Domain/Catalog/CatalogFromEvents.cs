using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Catalog;

/// <summary>
/// A catalog for a workspace that loaded none: one item per product id seen in product events (views, cart adds,
/// purchases, <c>product_purchased</c> lines), with the latest non-empty <c>description</c> and <c>price</c> seen for
/// it (latest by occurred-at; on equal times the later journal entry). Category comes from the workspace's category
/// property when events carry it.
/// </summary>
public static class CatalogFromEvents
{
    public const string DescriptionProperty = "description";
    public const string PriceProperty = "price";

    public static IReadOnlyList<CatalogItem> Derive(IEnumerable<CustomerHistory> histories, BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(model);
        var settings = model.Settings;
        var latest = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var history in histories)
        {
            foreach (var entry in history.Entries)
            {
                if (entry.Record is not CustomerEvent evt || !IsProductEvent(evt.Type, settings) || Text(evt, settings.ProductProperty) is not { Length: > 0 } id)
                {
                    continue;
                }

                var seen = latest.TryGetValue(id, out var known) ? known : new Seen();
                seen.Take(evt.OccurredAt, Text(evt, DescriptionProperty), Number(evt, PriceProperty), Text(evt, settings.CategoryProperty));
                latest[id] = seen;
            }
        }

        return [.. latest.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.ToItem(p.Key))];
    }

    private static bool IsProductEvent(string type, BehaviorSettings settings) =>
        type == settings.PurchaseEvent || type == ItemInteractions.ProductPurchasedEvent
        || settings.CartAddEvents.Contains(type) || settings.ProductViewEvents.Contains(type);

    private static string? Text(CustomerEvent evt, string property) =>
        evt.Properties.TryGetValue(property, out var value) && value.Kind == PropertyKind.String && value.Text!.Length > 0 ? value.Text : null;

    private static decimal? Number(CustomerEvent evt, string property) =>
        evt.Properties.TryGetValue(property, out var value) && value.Kind == PropertyKind.Number && double.IsFinite(value.Number) && value.Number >= 0
            ? (decimal)value.Number
            : null;

    /// <summary>The latest value of each attribute, each kept with the time it was seen.</summary>
    private sealed class Seen
    {
        private (DateTimeOffset At, string Value)? _description;
        private (DateTimeOffset At, decimal Value)? _price;
        private (DateTimeOffset At, string Value)? _category;

        public void Take(DateTimeOffset at, string? description, decimal? price, string? category)
        {
            if (description is not null && (_description is null || at >= _description.Value.At))
            {
                _description = (at, description);
            }

            if (price is { } p && (_price is null || at >= _price.Value.At))
            {
                _price = (at, p);
            }

            if (category is not null && (_category is null || at >= _category.Value.At))
            {
                _category = (at, category);
            }
        }

        public CatalogItem ToItem(string id) => CatalogItem.Described(id, _description?.Value ?? string.Empty, _price?.Value) with
        {
            CategoryPath = CatalogItem.ParseCategory(_category?.Value),
        };
    }
}
