namespace ActorSegments.Domain.Behavior;

/// <summary>
/// The customer's latest purchases (at most <see cref="Capacity"/>, oldest first) with their amounts and product lines:
/// what inter-purchase intervals, basket breadth and weekday habits are computed from, which time buckets cannot give
/// (they merge purchases a week apart once they are old). Bounded: a heavy buyer keeps its latest purchases only.
/// </summary>
/// <remarks>
/// Purchases are kept in occurred-at order whatever their arrival order; a purchase older than every one kept, when
/// the history is full, is not kept. A product line counts towards the purchase held at its very second (the import
/// and most checkouts stamp an order's lines with the order's time); a line with no such purchase counts nowhere.
/// </remarks>
public sealed class PurchaseHistory
{
    public const int Capacity = 24;

    /// <summary>The history of a customer who never bought: shared, and never added to (adding is the state's).</summary>
    internal static PurchaseHistory None { get; } = new();

    private PurchaseRecord[] _items = [];

    public int Count { get; private set; }

    public PurchaseRecord this[int index] => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public ReadOnlySpan<PurchaseRecord> Items => _items.AsSpan(0, Count);

    internal void AddPurchase(long time, double amount)
    {
        var index = Count;
        while (index > 0 && _items[index - 1].Time > time)
        {
            index--;
        }

        if (Count == Capacity)
        {
            if (index == 0)
            {
                return; // older than every purchase kept
            }

            // Drop the oldest to make room: everything before the insertion point moves down by one.
            Array.Copy(_items, 1, _items, 0, index - 1);
            _items[index - 1] = new PurchaseRecord(time, Amount(amount), 0);
            return;
        }

        if (_items.Length == Count)
        {
            Array.Resize(ref _items, Math.Min(Capacity, Math.Max(4, Count * 2)));
        }

        Array.Copy(_items, index, _items, index + 1, Count - index);
        _items[index] = new PurchaseRecord(time, Amount(amount), 0);
        Count++;
    }

    /// <summary>Counts a product line towards the latest purchase held at <paramref name="time"/>, if any.</summary>
    internal void AddLine(long time)
    {
        for (var i = Count - 1; i >= 0 && _items[i].Time >= time; i--)
        {
            if (_items[i].Time == time)
            {
                _items[i] = _items[i] with { Lines = Math.Min(_items[i].Lines + 1, ushort.MaxValue) };
                return;
            }
        }
    }

    internal void Restore(IEnumerable<PurchaseRecord> items)
    {
        _items = [.. items.OrderBy(p => p.Time).TakeLast(Capacity)];
        Count = _items.Length;
    }

    private static float Amount(double amount) => double.IsNaN(amount) || double.IsInfinity(amount) ? 0 : (float)amount;
}
