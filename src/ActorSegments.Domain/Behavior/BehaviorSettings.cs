using ActorSegments.Domain.Behavior.Lifecycle;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// What the event types mean (which one is a purchase, a cart add, an email open, ...) and the parameters of the
/// derived behavior: history horizon, cart abandonment, engagement and affinity decay, lifecycle and RFM thresholds.
/// </summary>
public sealed record BehaviorSettings
{
    public static BehaviorSettings Default { get; } = new();

    /// <summary>How far back windowed counts reach; totals count everything.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(400);

    public string PurchaseEvent { get; init; } = "purchase";

    public string RevenueProperty { get; init; } = "revenue";

    public IReadOnlyList<string> ProductViewEvents { get; init; } = ["product_viewed"];

    public IReadOnlyList<string> CartAddEvents { get; init; } = ["cart_added"];

    public IReadOnlyList<string> CartRemoveEvents { get; init; } = ["cart_removed"];

    public IReadOnlyList<string> CheckoutEvents { get; init; } = ["checkout_started"];

    public string PriceProperty { get; init; } = "price";

    public string QuantityProperty { get; init; } = "quantity";

    /// <summary>An open cart with no cart, checkout or purchase event for this long is abandoned.</summary>
    public TimeSpan CartAbandonAfter { get; init; } = TimeSpan.FromHours(1);

    public string EmailSentEvent { get; init; } = "email_sent";

    public string EmailOpenedEvent { get; init; } = "email_opened";

    public string EmailClickedEvent { get; init; } = "email_clicked";

    public string EmailRepliedEvent { get; init; } = "email_replied";

    /// <summary>Events that are not the customer's own doing, so they do not count as activity.</summary>
    public IReadOnlyList<string> NonActivityEvents { get; init; } = ["email_sent"];

    public string ProductProperty { get; init; } = "product_id";

    public string CategoryProperty { get; init; } = "category";

    /// <summary>Points each event type adds to the engagement score, which halves every <see cref="EngagementHalfLife"/>.</summary>
    public IReadOnlyDictionary<string, double> EngagementWeights { get; init; } = new Dictionary<string, double>
    {
        ["email_opened"] = 1,
        ["email_clicked"] = 3,
        ["email_replied"] = 5,
        ["product_viewed"] = 0.5,
        ["cart_added"] = 2,
        ["checkout_started"] = 3,
        ["purchase"] = 5,
    };

    public TimeSpan EngagementHalfLife { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Weight of a product or category interaction in the affinity tables, by event type.</summary>
    public IReadOnlyDictionary<string, double> AffinityWeights { get; init; } = new Dictionary<string, double>
    {
        ["product_viewed"] = 1,
        ["cart_added"] = 3,
        ["purchase"] = 5,
    };

    public TimeSpan AffinityHalfLife { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Products and categories kept per customer in the affinity tables.</summary>
    public int AffinityTopK { get; init; } = 10;

    /// <summary>Distinct values kept per tracked property (least recently seen dropped first).</summary>
    public int MaxValuesPerProperty { get; init; } = 16;

    /// <summary>Distinct event types kept per customer; events of further types count only in the customer's total.</summary>
    public int MaxEventTypes { get; init; } = 64;

    public LifecycleSettings Lifecycle { get; init; } = new();

    public RfmSettings Rfm { get; init; } = new();
}
