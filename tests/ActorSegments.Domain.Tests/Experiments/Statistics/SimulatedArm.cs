using ActorSegments.Domain.Experiments.Statistics;
using MathNet.Numerics.Distributions;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

/// <summary>
/// Customers of a simulated arm: each converts with a fixed probability, and a converter spends a log-normal amount
/// (skewed like real order values); everyone else spends 0. Seeded <see cref="Random"/> makes every run the same.
/// </summary>
internal sealed record SimulatedArm(double Rate, double RevenueMu = 3, double RevenueSigma = 1)
{
    /// <summary>The true conversion rate times the log-normal mean exp(μ + σ²/2).</summary>
    public double RevenuePerCustomer => Rate * Math.Exp(RevenueMu + (RevenueSigma * RevenueSigma / 2));

    public ArmTotals Draw(Random random, int customers)
    {
        var conversions = Binomial.Sample(random, Rate, customers);
        double sum = 0, sumOfSquares = 0;
        for (var i = 0; i < conversions; i++)
        {
            var revenue = LogNormal.Sample(random, RevenueMu, RevenueSigma);
            sum += revenue;
            sumOfSquares += revenue * revenue;
        }

        return ArmTotals.FromSums(customers, conversions, sum, sumOfSquares);
    }
}
