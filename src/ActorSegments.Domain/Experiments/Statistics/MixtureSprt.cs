namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// Always-valid inference for a difference θ = treatment − control (conversion rate or revenue per customer): the
/// mixture sequential probability ratio test of Johari, Pekelis and Walsh ("Always valid inference", 2017/2022) on the
/// normal approximation of the estimate. With d the observed difference, V its variance (s_t²/n_t + s_c²/n_c, the same
/// plug-in variances as the fixed-horizon tests) and a normal mixing distribution N(0, τ²) over the true difference,
/// the likelihood ratio against θ = 0 is
/// <code>Λ = √(V / (V + τ²)) · exp(d²·τ² / (2·V·(V + τ²)))</code>
/// The always-valid p-value is the running minimum over looks of min(1, 1/Λ); the confidence sequence at level 1 − α is
/// the running intersection over looks of d ± √(V(V + τ²)/τ² · (2·log(1/α) + log((V + τ²)/V))), the differences θ₀ whose
/// own ratio stays below 1/α. Each look therefore needs the previous look's figure: pass it back in.
/// </summary>
/// <remarks>
/// <para>
/// τ² sets which effects the test is quickest to find, never its validity. It is given on the scale of one customer's
/// outcome: τ² = <see cref="DefaultStandardizedMixingVariance"/> · σ̄², with σ̄² the customer-weighted mean of the two
/// arms' per-customer variances. τ = 0.05 standard deviations is the size of effect marketing experiments look for:
/// 5 % → 6 % conversion is 0.045 σ, +10 % revenue per customer at a coefficient of variation of 2 is 0.05 σ. Being
/// scale-free, Λ depends (for arms of equal variance) only on z = d/√V and n_t·n_c/(n_t + n_c), so one default serves
/// every metric. A small τ
/// also makes the first looks, where the normal approximation is weakest, all but unable to reject (rejection at 5 %
/// needs |z| ≈ 10 at 50 customers an arm, 3.5 at 1,000, 3.0 at 10,000 and 3.3 at 100,000, against 1.96 for one
/// fixed-horizon look).
/// </para>
/// <para>
/// The guarantee (P(some look rejects a true θ) ≤ α) is exact for normal data of known variance and holds
/// asymptotically with the plug-in variance; the A/A simulations in the tests check it at 20 looks. Should the running
/// intersection ever come out empty (it can only when the guarantee already failed), it is the midpoint of the crossed
/// bounds.
/// </para>
/// </remarks>
public static class MixtureSprt
{
    /// <summary>τ² in units of one customer's outcome variance: τ = 0.05 standard deviations (see the remarks).</summary>
    public const double DefaultStandardizedMixingVariance = 0.05 * 0.05;

    /// <summary>The always-valid absolute lift p_t − p_c after this look; <paramref name="previous"/> is the last look's (null at the first).</summary>
    public static Effect? ConversionLift(ArmTotals control, ArmTotals treatment, Effect? previous,
        double level = ConfidenceInterval.DefaultLevel, double standardizedMixingVariance = DefaultStandardizedMixingVariance) =>
        Validate(control, treatment, previous, level, standardizedMixingVariance) && control.Customers >= 1 && treatment.Customers >= 1
            ? Look(previous, treatment.ConversionRate - control.ConversionRate, control.ConversionVariance, control.Customers,
                treatment.ConversionVariance, treatment.Customers, level, standardizedMixingVariance)
            : previous;

    /// <summary>The always-valid difference of revenue per customer after this look; <paramref name="previous"/> is the last look's (null at the first).</summary>
    public static Effect? RevenueDifference(ArmTotals control, ArmTotals treatment, Effect? previous,
        double level = ConfidenceInterval.DefaultLevel, double standardizedMixingVariance = DefaultStandardizedMixingVariance) =>
        Validate(control, treatment, previous, level, standardizedMixingVariance) && control.Customers >= 2 && treatment.Customers >= 2
            ? Look(previous, treatment.RevenueMean - control.RevenueMean, control.RevenueVariance, control.Customers,
                treatment.RevenueVariance, treatment.Customers, level, standardizedMixingVariance)
            : previous;

    /// <summary>
    /// One look: the difference <paramref name="estimate"/> and the per-customer variances and sizes of both arms. A look
    /// without variance (no conversions yet) carries no information and leaves the previous figure as it was.
    /// </summary>
    internal static Effect? Look(
        Effect? previous,
        double estimate,
        double controlVariance,
        long controlCustomers,
        double treatmentVariance,
        long treatmentCustomers,
        double level,
        double standardizedMixingVariance)
    {
        var alpha = 2 * Distributions.UpperTail(level);
        var variance = (treatmentVariance / treatmentCustomers) + (controlVariance / controlCustomers);
        if (!(variance > 0))
        {
            return previous;
        }

        var outcomeVariance = ((treatmentCustomers * treatmentVariance) + (controlCustomers * controlVariance)) / (treatmentCustomers + controlCustomers);
        var tau2 = standardizedMixingVariance * outcomeVariance;
        var logRatio = (0.5 * Math.Log(variance / (variance + tau2))) + (estimate * estimate * tau2 / (2 * variance * (variance + tau2)));
        var p = Math.Min(Math.Min(1, Math.Exp(-logRatio)), previous?.PValue ?? 1);

        var halfWidth = Math.Sqrt(variance * (variance + tau2) / tau2 * ((2 * Math.Log(1 / alpha)) + Math.Log((variance + tau2) / variance)));
        var lower = Math.Max(estimate - halfWidth, previous?.Interval.Lower ?? double.NegativeInfinity);
        var upper = Math.Min(estimate + halfWidth, previous?.Interval.Upper ?? double.PositiveInfinity);
        if (lower > upper)
        {
            lower = upper = (lower + upper) / 2;
        }

        return new Effect(InferenceKind.AlwaysValid, estimate, new ConfidenceInterval(lower, upper, level), p, p);
    }

    /// <summary>Throws on an input no look could use, whether or not this look has data; true otherwise.</summary>
    private static bool Validate(ArmTotals control, ArmTotals treatment, Effect? previous, double level, double standardizedMixingVariance)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        _ = Distributions.UpperTail(level);
        if (previous is { Kind: not InferenceKind.AlwaysValid })
        {
            throw new ArgumentException("the previous look of an always-valid figure must itself be always valid.", nameof(previous));
        }

        if (!(standardizedMixingVariance > 0 && double.IsFinite(standardizedMixingVariance)))
        {
            throw new ArgumentOutOfRangeException(nameof(standardizedMixingVariance), standardizedMixingVariance, "standardizedMixingVariance must be a finite number > 0.");
        }

        return true;
    }
}
