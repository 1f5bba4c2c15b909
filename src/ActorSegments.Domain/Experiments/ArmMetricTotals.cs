namespace ActorSegments.Domain.Experiments;

/// <summary>
/// The running totals of one arm for one metric (or, with <see cref="Metric"/> null, the arm's assignments): the sum
/// of every <see cref="OutcomeDelta"/> its customers' commits wrote.
/// </summary>
public sealed record ArmMetricTotals(string Arm, string? Metric, long Customers, long Conversions, double Sum, double SumOfSquares)
{
    /// <summary>Adds up deltas per (arm, metric) of one experiment.</summary>
    public static IReadOnlyList<ArmMetricTotals> Add(IEnumerable<OutcomeDelta> deltas) =>
        [.. deltas
            .GroupBy(d => (d.Arm, d.Metric))
            .Select(g => new ArmMetricTotals(g.Key.Arm, g.Key.Metric, g.Sum(d => d.Customers), g.Sum(d => d.Conversions), g.Sum(d => d.Sum), g.Sum(d => d.SumOfSquares)))
            .OrderBy(t => t.Arm, StringComparer.Ordinal)
            .ThenBy(t => t.Metric ?? string.Empty, StringComparer.Ordinal)];
}
