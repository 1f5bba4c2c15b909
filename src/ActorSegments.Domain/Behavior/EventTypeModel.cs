using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// What the behavior model knows about one event type: which numeric properties it aggregates (its slots), which
/// string properties it tracks per value, and which roles it plays (purchase, cart, email, activity, ...).
/// </summary>
public sealed class EventTypeModel
{
    /// <summary>Numeric properties aggregated per event type; more would cost state size on every bucket.</summary>
    public const int MaxNumericSlots = 4;

    internal EventTypeModel(string name, EventTypeDefinition? definition, BehaviorSettings settings)
    {
        Name = name;
        IsDeclared = definition is not null;
        IsPurchase = name == settings.PurchaseEvent;
        IsCartAdd = settings.CartAddEvents.Contains(name);
        IsCartRemove = settings.CartRemoveEvents.Contains(name);
        IsCheckout = settings.CheckoutEvents.Contains(name);
        IsProductView = settings.ProductViewEvents.Contains(name);
        IsActivity = !settings.NonActivityEvents.Contains(name);
        EngagementWeight = settings.EngagementWeights.GetValueOrDefault(name);
        AffinityWeight = settings.AffinityWeights.GetValueOrDefault(name);

        // Tracked numbers come first: they are aggregated per bucket (windowed sums, averages, minimums, maximums);
        // the others only in all-time totals. Purchase revenue is always tracked: RFM and "spent in the last N days"
        // need it even when a schema forgets to declare it.
        var properties = definition?.Properties ?? [];
        var tracked = properties.Where(p => p.Type == DataType.Number && p.Tracked).Select(p => p.Name).ToList();
        if (IsPurchase && !tracked.Contains(settings.RevenueProperty))
        {
            tracked.Insert(0, settings.RevenueProperty);
        }

        var untracked = properties.Where(p => p.Type == DataType.Number && !tracked.Contains(p.Name)).Select(p => p.Name);
        var slots = tracked.Concat(untracked).Distinct(StringComparer.Ordinal).Take(MaxNumericSlots).ToArray();
        NumericSlots = slots;
        BucketSlotCount = Math.Min(tracked.Count, slots.Length);
        TrackedProperties = (definition?.Properties ?? []).Where(p => p.Tracked && p.Type == DataType.String).Select(p => p.Name).ToArray();
    }

    public string Name { get; }

    public bool IsDeclared { get; }

    /// <summary>Numeric properties aggregated in totals, tracked ones (also per bucket) first.</summary>
    public IReadOnlyList<string> NumericSlots { get; }

    /// <summary>How many of <see cref="NumericSlots"/> are aggregated per bucket (windowed).</summary>
    public int BucketSlotCount { get; }

    public IReadOnlyList<string> TrackedProperties { get; }

    public bool IsPurchase { get; }

    public bool IsCartAdd { get; }

    public bool IsCartRemove { get; }

    public bool IsCheckout { get; }

    public bool IsProductView { get; }

    public bool IsActivity { get; }

    public double EngagementWeight { get; }

    public double AffinityWeight { get; }

    public int SlotOf(string property)
    {
        for (var i = 0; i < NumericSlots.Count; i++)
        {
            if (NumericSlots[i] == property)
            {
                return i;
            }
        }

        return -1;
    }
}
