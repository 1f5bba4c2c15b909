namespace ActorSegments.Domain.Experiments;

/// <summary>
/// What one customer's commit adds to an experiment arm's running totals, written in the same transaction as the
/// journal entries that caused it, so the totals are exact at every commit and a retried request adds nothing twice.
/// With <paramref name="Metric"/> null it is the arm's assignment count (<paramref name="Customers"/>); otherwise, for
/// the metric: customers who converted (conversion; retention: active on day N), and the sum and sum of squares of
/// per-customer amounts (revenue). <paramref name="AssignedHour"/> is the start of the hour the customer was assigned
/// in (Unix seconds): totals are kept per hour of assignment, so a reader can take only the customers whose window
/// is over (retention day N counts customers whose day N has ended, numerator and denominator alike).
/// </summary>
public readonly record struct OutcomeDelta(string ExperimentId, string Arm, string? Metric, long AssignedHour, long Customers, long Conversions, double Sum, double SumOfSquares)
{
    public const long Hour = 3_600;

    public static OutcomeDelta Assigned(string experimentId, string arm, long assignedAt) =>
        new(experimentId, arm, null, HourOf(assignedAt), 1, 0, 0, 0);

    /// <summary>The start of the hour holding <paramref name="time"/> (Unix seconds).</summary>
    public static long HourOf(long time) => Time.UnixTime.FloorDiv(time, Hour) * Hour;
}
