namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// Fixed-horizon comparison of two conversion rates p_t (treatment) and p_c (control) from their counts. Each method
/// returns null until both arms have customers and the standard error is positive (some variation in each arm).
/// </summary>
public static class TwoProportionTest
{
    /// <summary>
    /// The absolute lift p_t − p_c with the Wald interval on the unpooled standard error
    /// √(p_t(1 − p_t)/n_t + p_c(1 − p_c)/n_c) (statsmodels' confint_proportions_2indep(compare="diff", method="wald")),
    /// and the two-sided p-value of the pooled two-proportion z-test, z = (p_t − p_c) / √(p̄(1 − p̄)(1/n_t + 1/n_c))
    /// with p̄ the rate of both arms together (statsmodels' proportions_ztest). The test pools because under "no
    /// difference" both arms share one rate; the interval cannot, as it describes a difference. Near the 5 % boundary
    /// the two may therefore disagree slightly.
    /// </summary>
    public static Effect? AbsoluteLift(ArmTotals control, ArmTotals treatment, double level = ConfidenceInterval.DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        if (control.Customers == 0 || treatment.Customers == 0)
        {
            return null;
        }

        var standardError = Math.Sqrt((treatment.ConversionVariance / treatment.Customers) + (control.ConversionVariance / control.Customers));
        if (standardError == 0)
        {
            return null;
        }

        var lift = treatment.ConversionRate - control.ConversionRate;
        var interval = ConfidenceInterval.Around(lift, Distributions.NormalCritical(level) * standardError, level);
        var p = PooledZPValue(control, treatment);
        return new Effect(InferenceKind.FixedHorizon, lift, interval, p, p);
    }

    /// <summary>
    /// The relative lift p_t / p_c − 1 with the delta-method interval on the log of the ratio (Katz's log method):
    /// exp(log(p_t/p_c) ± z·√(1/x_t − 1/n_t + 1/x_c − 1/n_c)) − 1, as statsmodels'
    /// confint_proportions_2indep(compare="ratio", method="log") minus 1. Chosen over Fieller's interval because it is
    /// always a finite interval and stays inside (−1, ∞); it needs a conversion in each arm and a customer who did not
    /// convert in one of them. No p-value of its own: a
    /// ratio of 1 is a difference of 0, so the absolute lift's test answers the same question.
    /// </summary>
    public static Effect? RelativeLift(ArmTotals control, ArmTotals treatment, double level = ConfidenceInterval.DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        if (control.Conversions == 0 || treatment.Conversions == 0)
        {
            return null;
        }

        var ratio = treatment.ConversionRate / control.ConversionRate;
        var variance = (1.0 / treatment.Conversions) - (1.0 / treatment.Customers) + (1.0 / control.Conversions) - (1.0 / control.Customers);
        if (variance <= 0)
        {
            return null;
        }

        var logRatio = Math.Log(ratio);
        var halfWidth = Distributions.NormalCritical(level) * Math.Sqrt(variance);
        var interval = new ConfidenceInterval(Math.Exp(logRatio - halfWidth) - 1, Math.Exp(logRatio + halfWidth) - 1, level);
        return new Effect(InferenceKind.FixedHorizon, ratio - 1, interval, null, null);
    }

    private static double PooledZPValue(ArmTotals control, ArmTotals treatment)
    {
        double customers = control.Customers + treatment.Customers;
        var pooled = (control.Conversions + treatment.Conversions) / customers;
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / treatment.Customers) + (1.0 / control.Customers)));
        return Distributions.NormalTwoSidedP((treatment.ConversionRate - control.ConversionRate) / standardError);
    }
}
