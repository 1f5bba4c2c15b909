namespace ActorSegments.Datasets.Synthetic;

/// <summary>
/// Who a customer of <see cref="UpliftTrial"/> is when the experiment starts, as its behavior shows it, and therefore
/// how a message changes its chance of buying. The first that applies, in this order.
/// </summary>
public enum UpliftGroup
{
    /// <summary>Three purchases or more, the last within 30 days: buys anyway; a message adds almost nothing ("sure things").</summary>
    LoyalBuyer,

    /// <summary>Has bought, was sent at least three emails and opened none: a message puts it off ("sleeping dogs", negative effect).</summary>
    EmailWeary,

    /// <summary>Known for 30 days or more, viewed products in the last 30 days, no purchase in the last 60: a message brings it back ("persuadables").</summary>
    LapsedBrowser,

    /// <summary>Everyone else: a small positive effect.</summary>
    Other,
}
