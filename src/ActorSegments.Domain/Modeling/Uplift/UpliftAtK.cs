namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>
/// The uplift among the top k% of a ranking: the treated customers' conversion rate minus the control customers' among
/// the ⌊N·k/100⌋ highest-scored customers (ties in the order given, as a stable sort leaves them). Targeting at random
/// gets the experiment's overall difference (<see cref="Overall"/>) on average, so the two compare directly.
/// </summary>
public static class UpliftAtK
{
    /// <summary>The uplift among the top <paramref name="percent"/>%; null when that group has no treated or no control customer.</summary>
    public static double? Of(IReadOnlyList<UpliftObservation> observations, int percent)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var top = observations.Count * percent / 100;
        return Difference(observations.OrderByDescending(o => o.Score).Take(top));
    }

    /// <summary>Treated rate minus control rate over everyone: what random targeting gets on average.</summary>
    public static double? Overall(IReadOnlyList<UpliftObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return Difference(observations);
    }

    private static double? Difference(IEnumerable<UpliftObservation> group)
    {
        int treated = 0, control = 0, treatedConversions = 0, controlConversions = 0;
        foreach (var o in group)
        {
            if (o.Treated)
            {
                treated++;
                treatedConversions += o.Converted ? 1 : 0;
            }
            else
            {
                control++;
                controlConversions += o.Converted ? 1 : 0;
            }
        }

        return treated == 0 || control == 0 ? null : ((double)treatedConversions / treated) - ((double)controlConversions / control);
    }
}
