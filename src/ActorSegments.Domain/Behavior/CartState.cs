namespace ActorSegments.Domain.Behavior;

/// <summary>
/// The customer's open cart: value and items added minus removed since the last purchase, when it was opened and
/// last touched. A purchase empties it; cart events older than the last purchase are ignored (they were bought).
/// </summary>
public sealed class CartState
{
    public double Value { get; private set; }

    public double Items { get; private set; }

    public long OpenedAt { get; private set; }

    /// <summary>The last cart, checkout or purchase event touching the open cart (Unix seconds).</summary>
    public long UpdatedAt { get; private set; }

    /// <summary>The latest purchase that emptied the cart; older cart events do not reopen it.</summary>
    public long ClearedAt { get; private set; } = long.MinValue;

    public bool IsOpen => Items > 0 || Value > 0;

    /// <summary>Open and untouched for at least <paramref name="abandonAfter"/> seconds.</summary>
    public bool IsAbandoned(long now, long abandonAfter) => IsOpen && now - UpdatedAt >= abandonAfter;

    /// <summary>Applies a cart-relevant event; returns whether the cart changed.</summary>
    public bool Apply(EventTypeModel type, long time, double price, double quantity)
    {
        if (time <= ClearedAt)
        {
            return false;
        }

        var units = double.IsNaN(quantity) ? 1 : quantity;
        var amount = (double.IsNaN(price) ? 0 : price) * units;
        if (type.IsCartAdd)
        {
            if (!IsOpen)
            {
                OpenedAt = time;
                UpdatedAt = time;
            }

            Value += amount;
            Items += units;
            UpdatedAt = Math.Max(UpdatedAt, time);
            OpenedAt = Math.Min(OpenedAt, time);
            return true;
        }

        if (type.IsCartRemove && IsOpen)
        {
            Value = Math.Max(0, Value - amount);
            Items = Math.Max(0, Items - units);
            UpdatedAt = Math.Max(UpdatedAt, time);
            return true;
        }

        if (type.IsCheckout && IsOpen)
        {
            UpdatedAt = Math.Max(UpdatedAt, time);
            return true;
        }

        if (type.IsPurchase)
        {
            ClearedAt = Math.Max(ClearedAt, time);
            if (IsOpen && time >= UpdatedAt)
            {
                (Value, Items, OpenedAt, UpdatedAt) = (0, 0, 0, 0);
                return true;
            }
        }

        return false;
    }

    internal void Restore(double value, double items, long openedAt, long updatedAt, long clearedAt) =>
        (Value, Items, OpenedAt, UpdatedAt, ClearedAt) = (value, items, openedAt, updatedAt, clearedAt);
}
