namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// One arm on its own: customers, conversions, the conversion rate with its Wilson score interval, and revenue per
/// customer with its Student t interval. Both intervals are <see cref="InferenceKind.FixedHorizon"/>. A figure that the
/// data cannot give yet is null: rates need a customer, the revenue interval two customers whose revenue differs.
/// </summary>
public sealed record ArmSummary(
    string Arm,
    long Customers,
    long Conversions,
    double? ConversionRate,
    ConfidenceInterval? ConversionRateInterval,
    double? RevenuePerCustomer,
    ConfidenceInterval? RevenuePerCustomerInterval)
{
    public static ArmSummary Of(string arm, ArmTotals totals, double level = ConfidenceInterval.DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(totals);
        if (totals.Customers == 0)
        {
            return new ArmSummary(arm, 0, 0, null, null, null, null);
        }

        return new ArmSummary(
            arm,
            totals.Customers,
            totals.Conversions,
            totals.ConversionRate,
            ProportionInterval.Wilson(totals.Conversions, totals.Customers, level),
            totals.RevenueMean,
            MeanInterval(totals, level));
    }

    /// <summary>mean ± t(n − 1) · s/√n, as scipy's stats.t.interval(level, n − 1, mean, s/√n).</summary>
    private static ConfidenceInterval? MeanInterval(ArmTotals totals, double level)
    {
        if (totals.Customers < 2 || totals.RevenueSquaredDeviations == 0)
        {
            return null;
        }

        var standardError = Math.Sqrt(totals.RevenueVariance / totals.Customers);
        return ConfidenceInterval.Around(totals.RevenueMean, Distributions.StudentTCritical(totals.Customers - 1, level) * standardError, level);
    }
}
