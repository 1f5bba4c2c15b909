namespace ActorSegments.Domain.Experiments;

/// <summary>
/// The running totals of one arm for one metric (or, with <see cref="Metric"/> null, the arm's assignments) among the
/// customers assigned in one hour (<see cref="AssignedHour"/>, Unix seconds): the sum of every
/// <see cref="OutcomeDelta"/> of those customers' commits.
/// </summary>
public sealed record ArmMetricTotals(string Arm, string? Metric, long AssignedHour, long Customers, long Conversions, double Sum, double SumOfSquares)
{
    /// <summary>Adds up deltas per (arm, metric, hour of assignment) of one experiment.</summary>
    public static IReadOnlyList<ArmMetricTotals> Add(IEnumerable<OutcomeDelta> deltas) =>
        [.. deltas
            .GroupBy(d => (d.Arm, d.Metric, d.AssignedHour))
            .Select(g => new ArmMetricTotals(g.Key.Arm, g.Key.Metric, g.Key.AssignedHour, g.Sum(d => d.Customers), g.Sum(d => d.Conversions), g.Sum(d => d.Sum), g.Sum(d => d.SumOfSquares)))
            .OrderBy(t => t.Arm, StringComparer.Ordinal)
            .ThenBy(t => t.Metric ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(t => t.AssignedHour)];
}
