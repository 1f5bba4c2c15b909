namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// Welch's unequal-variance t-test of revenue per customer, treatment − control, from the arms' means and squared
/// deviations: t = (m_t − m_c) / √(s_t²/n_t + s_c²/n_c) on the Welch–Satterthwaite degrees of freedom
/// ν = (s_t²/n_t + s_c²/n_c)² / ((s_t²/n_t)²/(n_t − 1) + (s_c²/n_c)²/(n_c − 1)). Matches scipy's
/// ttest_ind(equal_var=False) on the customers' values; the interval is (m_t − m_c) ± t_ν·SE (statsmodels'
/// CompareMeans.tconfint_diff(usevar="unequal")). Revenue is skewed, but the test rests on the means, which the
/// central limit theorem makes near normal at the thousands of customers an experiment has.
/// </summary>
public static class WelchTest
{
    /// <summary>Null until each arm has two customers and the standard error is positive.</summary>
    public static Effect? RevenueDifference(ArmTotals control, ArmTotals treatment, double level = ConfidenceInterval.DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        if (control.Customers < 2 || treatment.Customers < 2)
        {
            return null;
        }

        var treatmentPart = treatment.RevenueVariance / treatment.Customers;
        var controlPart = control.RevenueVariance / control.Customers;
        var variance = treatmentPart + controlPart;
        if (variance == 0)
        {
            return null;
        }

        var degreesOfFreedom = variance * variance /
            ((treatmentPart * treatmentPart / (treatment.Customers - 1)) + (controlPart * controlPart / (control.Customers - 1)));
        var difference = treatment.RevenueMean - control.RevenueMean;
        var standardError = Math.Sqrt(variance);
        var p = Distributions.StudentTTwoSidedP(difference / standardError, degreesOfFreedom);
        var interval = ConfidenceInterval.Around(difference, Distributions.StudentTCritical(degreesOfFreedom, level) * standardError, level);
        return new Effect(InferenceKind.FixedHorizon, difference, interval, p, p);
    }
}
