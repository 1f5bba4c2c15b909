namespace ActorSegments.Datasets.Synthetic;

/// <summary>
/// How <see cref="UpliftTrial"/>'s customers answer the message, from what they did before it: a baseline chance of
/// buying within the window that rises with purchases and recent product views and falls with the time since the last
/// purchase, and an effect of the message that depends on the customer's <see cref="UpliftGroup"/>.
/// </summary>
/// <remarks>
/// The effects encode what uplift modeling is for: the customers most likely to buy (loyal buyers) gain nothing from a
/// message, so a propensity ranking spends its top places on them; lapsed browsers are unlikely to buy but respond
/// most, and more the more they have been browsing; customers who ignore every email are put off by one more. The
/// numbers are chosen to be plausible for a two-week email campaign, not measured anywhere.
/// </remarks>
public static class UpliftResponse
{
    /// <summary>P(purchase within the window | not messaged): a logistic function of the behavior before the start.</summary>
    public static double BaseChance(UpliftBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        var recency = Math.Min(behavior.DaysSincePurchase ?? 180, 180) / 180.0;
        var logit = -3.4 + (0.8 * Math.Log(1 + behavior.Purchases)) + (0.35 * Math.Log(1 + behavior.Views30d)) - (1.5 * recency);
        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>What the message adds to the chance of buying (negative: takes away), by group.</summary>
    public static double Effect(UpliftGroup group, UpliftBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        return group switch
        {
            UpliftGroup.LoyalBuyer => 0.005,
            UpliftGroup.EmailWeary => -0.06,
            UpliftGroup.LapsedBrowser => Math.Min(0.06 + (0.04 * Math.Log(1 + behavior.Views30d)), 0.2),
            _ => 0.02,
        };
    }

    /// <summary>The group <paramref name="behavior"/> puts a customer in (see <see cref="UpliftGroup"/>).</summary>
    public static UpliftGroup GroupOf(UpliftBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        if (behavior.Purchases >= 3 && behavior.DaysSincePurchase <= 30)
        {
            return UpliftGroup.LoyalBuyer;
        }

        if (behavior.Purchases >= 1 && behavior.EmailsSent >= 3 && behavior.EmailsOpened == 0)
        {
            return UpliftGroup.EmailWeary;
        }

        return behavior.TenureDays >= 30 && behavior.Views30d > 0 && !(behavior.DaysSincePurchase <= 60)
            ? UpliftGroup.LapsedBrowser
            : UpliftGroup.Other;
    }
}
