using System.IO.Hashing;
using System.Text;

namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>
/// Splits an experiment's customers into the part an uplift model learns from and the part it is evaluated on, by
/// customer and stratified by arm: within each arm, customers are ordered by a hash of their id and the first
/// <c>share</c> of them evaluate. Both parts keep the experiment's arm ratio exactly, and the split depends on the ids
/// only, so a retraining on the same experiment evaluates on the same customers.
/// </summary>
public static class UpliftSplit
{
    public const double DefaultEvaluationShare = 0.3;

    public static (IReadOnlyList<UpliftExample> Train, IReadOnlyList<UpliftExample> Evaluation) Split(IReadOnlyList<UpliftExample> examples, double evaluationShare = DefaultEvaluationShare)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(evaluationShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(evaluationShare, 1);
        var evaluation = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arm in examples.GroupBy(e => e.Treated))
        {
            var ordered = arm.OrderBy(e => Hash(e.CustomerId)).ThenBy(e => e.CustomerId, StringComparer.Ordinal).ToList();
            var count = (int)Math.Round(ordered.Count * evaluationShare, MidpointRounding.AwayFromZero);
            evaluation.UnionWith(ordered.Take(count).Select(e => e.CustomerId));
        }

        return ([.. examples.Where(e => !evaluation.Contains(e.CustomerId))], [.. examples.Where(e => evaluation.Contains(e.CustomerId))]);
    }

    private static ulong Hash(string customerId) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes("uplift-split\0" + customerId));
}
