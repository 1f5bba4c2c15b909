using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// The product interactions in customers' journals, the input of recommendations: product views, cart adds and
/// purchases (the workspace's event roles) that carry the product property, with the category when there is one.
/// </summary>
public static class ItemInteractions
{
    /// <summary>
    /// One event per purchased line, as imports of order data emit next to the order's own purchase event (which
    /// carries no single product).
    /// </summary>
    public const string ProductPurchasedEvent = "product_purchased";

    public static IEnumerable<ItemInteraction> From(IEnumerable<CustomerHistory> histories, BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(histories);
        return histories.SelectMany(history => From(history, model));
    }

    public static IEnumerable<ItemInteraction> From(CustomerHistory history, BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(model);
        var settings = model.Settings;
        foreach (var entry in history.Entries)
        {
            if (entry.Record is not CustomerEvent evt || KindOf(evt.Type, settings) is not { } kind)
            {
                continue;
            }

            if (Text(evt, settings.ProductProperty) is { Length: > 0 } product)
            {
                yield return new ItemInteraction(history.CustomerId, product, Text(evt, settings.CategoryProperty), kind, UnixTime.Seconds(evt.OccurredAt));
            }
        }
    }

    private static InteractionKind? KindOf(string type, BehaviorSettings settings) =>
        type == settings.PurchaseEvent || type == ProductPurchasedEvent ? InteractionKind.Purchase
        : settings.CartAddEvents.Contains(type) ? InteractionKind.CartAdd
        : settings.ProductViewEvents.Contains(type) ? InteractionKind.View
        : null;

    private static string? Text(CustomerEvent evt, string property) =>
        evt.Properties.TryGetValue(property, out var value) && value.Kind == PropertyKind.String ? value.Text : null;
}
