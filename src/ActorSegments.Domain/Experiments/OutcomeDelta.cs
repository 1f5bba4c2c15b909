namespace ActorSegments.Domain.Experiments;

/// <summary>
/// What one customer's commit adds to an experiment arm's running totals, written in the same transaction as the
/// journal entries that caused it, so the totals are exact at every commit and a retried request adds nothing twice.
/// With <paramref name="Metric"/> null it is the arm's assignment count (<paramref name="Customers"/>); otherwise, for
/// the metric: customers counted in its denominator (retention only: those whose day N is over), customers who
/// converted (conversion, retention), and the sum and sum of squares of per-customer amounts (revenue).
/// </summary>
public readonly record struct OutcomeDelta(string ExperimentId, string Arm, string? Metric, long Customers, long Conversions, double Sum, double SumOfSquares)
{
    public static OutcomeDelta Assigned(string experimentId, string arm) => new(experimentId, arm, null, 1, 0, 0, 0);
}
