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
        var catalog = new Builder(model);
        foreach (var history in histories)
        {
            catalog.Add(history);
        }

        return catalog.Items();
    }

    /// <summary>Derives the catalog one history at a time, so a job streaming the journal need not keep the histories.</summary>
    public sealed class Builder(BehaviorModel model)
    {
        private readonly BehaviorSettings _settings = (model ?? throw new ArgumentNullException(nameof(model))).Settings;
        private readonly Dictionary<string, Seen> _latest = new(StringComparer.Ordinal);

        public void Add(CustomerHistory history)
        {
            ArgumentNullException.ThrowIfNull(history);
            foreach (var entry in history.Entries)
            {
                if (entry.Record is not CustomerEvent evt || !IsProductEvent(evt.Type, _settings) || Text(evt, _settings.ProductProperty) is not { Length: > 0 } id)
                {
                    continue;
                }

                var seen = _latest.TryGetValue(id, out var known) ? known : new Seen();
                seen.Take(evt.OccurredAt, Text(evt, DescriptionProperty), Number(evt, PriceProperty), Text(evt, _settings.CategoryProperty));
                _latest[id] = seen;
            }
        }

        /// <summary>The items so far, by ordinal id.</summary>
        public IReadOnlyList<CatalogItem> Items() => [.. _latest.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.ToItem(p.Key))];
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
