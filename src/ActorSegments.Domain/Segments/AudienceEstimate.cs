using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Segments;

/// <summary>
/// How many of a workspace's customers a rule matches, from evaluating it on some of them: exact when every customer
/// was evaluated, otherwise the sample's share scaled to the whole with a 95% Wilson interval, narrowed by the
/// finite-population correction so that it closes on the exact count as the sample approaches the whole workspace.
/// </summary>
/// <param name="Customers">Customers in the workspace.</param>
/// <param name="Evaluated">Customers the rule was evaluated on (a uniform random sample, or all of them).</param>
/// <param name="Matched">Of those, the ones the rule matched.</param>
/// <param name="Estimate">The customers the rule would match now.</param>
/// <param name="Low">The lower end of the 95% interval of <paramref name="Estimate"/>.</param>
/// <param name="High">The upper end of the 95% interval of <paramref name="Estimate"/>.</param>
public sealed record AudienceEstimate(long Customers, long Evaluated, long Matched, long Estimate, long Low, long High)
{
    public bool Exact => Evaluated >= Customers;

    public static AudienceEstimate From(long customers, long evaluated, long matched)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(evaluated);
        ArgumentOutOfRangeException.ThrowIfNegative(matched);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(matched, evaluated);
        // A customer registered after the count was read can make the sample larger than the count.
        customers = Math.Max(customers, evaluated);
        if (evaluated == customers)
        {
            return new AudienceEstimate(customers, evaluated, matched, matched, matched, matched);
        }

        if (evaluated == 0)
        {
            return new AudienceEstimate(customers, 0, 0, 0, 0, customers); // nothing seen, nothing known
        }

        var interval = ProportionInterval.Wilson(matched, evaluated, ConfidenceInterval.DefaultLevel, customers);
        // Whoever matched in the sample is in the audience for certain, and whoever did not is out of it.
        var unseen = customers - evaluated;
        long Bound(double count) => Math.Clamp((long)count, matched, matched + unseen);
        return new AudienceEstimate(
            customers,
            evaluated,
            matched,
            Bound(Math.Round((double)matched / evaluated * customers, MidpointRounding.AwayFromZero)),
            Bound(Math.Floor(interval.Lower * customers)),
            Bound(Math.Ceiling(interval.Upper * customers)));
    }
}
