namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// The sufficient statistics of one arm: its customers, how many of them converted, and the mean and sum of squared
/// deviations (Welford's M2) of revenue per customer, every customer counting, those with no revenue as 0 (intent to
/// treat). All of it can be kept up to date as customers are assigned and convert, and partial totals combine.
/// </summary>
/// <remarks>
/// Keeping the mean and M2 rather than Σr and Σr² avoids the cancellation of Σr² − (Σr)²/n; <see cref="FromSums"/>
/// accepts the sums all the same and loses about log10(1 + mean²/variance) significant digits of the variance to it.
/// For revenue per customer (most customers at 0, coefficient of variation above 1) that is under one digit: the
/// variance stays within ~1e-15 relative. Only a metric whose mean is 1,000 standard deviations away from 0 loses six
/// digits; keep it with <see cref="Add"/> and <see cref="Combine"/> instead.
/// </remarks>
public sealed record ArmTotals
{
    public ArmTotals(long customers, long conversions, double revenueMean, double revenueSquaredDeviations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        if (conversions < 0 || conversions > customers)
        {
            throw new ArgumentOutOfRangeException(nameof(conversions), conversions, $"conversions must be between 0 and the {customers} customers of the arm.");
        }

        if (!double.IsFinite(revenueMean) || (customers == 0 && revenueMean != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(revenueMean), revenueMean, "revenueMean must be a finite number, and 0 for an arm without customers.");
        }

        if (!double.IsFinite(revenueSquaredDeviations) || revenueSquaredDeviations < 0 || (customers == 0 && revenueSquaredDeviations != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(revenueSquaredDeviations), revenueSquaredDeviations, "revenueSquaredDeviations must be a finite number ≥ 0, and 0 for an arm without customers.");
        }

        Customers = customers;
        Conversions = conversions;
        RevenueMean = revenueMean;
        RevenueSquaredDeviations = revenueSquaredDeviations;
    }

    public static ArmTotals Empty { get; } = new(0, 0, 0, 0);

    public long Customers { get; }

    /// <summary>Customers who reached the goal at least once in their window (each counts once).</summary>
    public long Conversions { get; }

    /// <summary>Revenue per customer: the arm's revenue divided by all of its customers.</summary>
    public double RevenueMean { get; }

    /// <summary>Σ (revenue of a customer − <see cref="RevenueMean"/>)², over all customers of the arm.</summary>
    public double RevenueSquaredDeviations { get; }

    public double RevenueSum => RevenueMean * Customers;

    internal double ConversionRate => (double)Conversions / Customers;

    /// <summary>The Bernoulli variance p(1 − p) of one customer's conversion, at the observed rate.</summary>
    internal double ConversionVariance => ConversionRate * (1 - ConversionRate);

    /// <summary>The sample variance (n − 1 in the denominator) of revenue per customer; needs two customers.</summary>
    internal double RevenueVariance => RevenueSquaredDeviations / (Customers - 1);

    /// <summary>From running sums Σr and Σr² (see the remarks for their precision).</summary>
    public static ArmTotals FromSums(long customers, long conversions, double revenueSum, double revenueSumOfSquares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        if (!double.IsFinite(revenueSum) || (customers == 0 && revenueSum != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(revenueSum), revenueSum, "revenueSum must be a finite number, and 0 for an arm without customers.");
        }

        if (!double.IsFinite(revenueSumOfSquares) || revenueSumOfSquares < 0 || (customers == 0 && revenueSumOfSquares != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(revenueSumOfSquares), revenueSumOfSquares, "revenueSumOfSquares must be a finite number ≥ 0, and 0 for an arm without customers.");
        }

        if (customers == 0)
        {
            return new ArmTotals(0, conversions, 0, 0);
        }

        var mean = revenueSum / customers;
        // Equal values leave a rounding residue of either sign; a variance cannot be negative.
        return new ArmTotals(customers, conversions, mean, Math.Max(0, revenueSumOfSquares - (revenueSum * mean)));
    }

    /// <summary>This arm with one more customer (Welford's update).</summary>
    public ArmTotals Add(bool converted, double revenue)
    {
        var customers = Customers + 1;
        var delta = revenue - RevenueMean;
        var mean = RevenueMean + (delta / customers);
        return new ArmTotals(customers, Conversions + (converted ? 1 : 0), mean, RevenueSquaredDeviations + (delta * (revenue - mean)));
    }

    /// <summary>The totals of both sets of customers together (Chan et al.'s pairwise update), e.g. partial counts of shards.</summary>
    public ArmTotals Combine(ArmTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Customers == 0)
        {
            return this;
        }

        if (Customers == 0)
        {
            return other;
        }

        var customers = Customers + other.Customers;
        var delta = other.RevenueMean - RevenueMean;
        var mean = RevenueMean + (delta * other.Customers / customers);
        var squaredDeviations = RevenueSquaredDeviations + other.RevenueSquaredDeviations + (delta * delta * Customers / customers * other.Customers);
        return new ArmTotals(customers, Conversions + other.Conversions, mean, squaredDeviations);
    }
}
