namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// Where a condition on a count that only falls next changes its answer. On whole numbers the answer of a comparison
/// with a threshold t can change only between floor(t) - 1 and floor(t) (when t is whole, for "equals" and "less than") or between
/// floor(t) and floor(t) + 1, so the largest count below the current one with a different answer is either one less
/// than now or floor(t) - 1 or floor(t) for some threshold.
/// </summary>
internal static class CountFlip
{
    private const int MaxThresholds = 8;

    /// <summary>
    /// The largest count in [0, <paramref name="current"/>) for which <paramref name="predicate"/> answers differently
    /// than for <paramref name="current"/>; -1 when there is none; null when the predicate's thresholds are not plain
    /// numbers.
    /// </summary>
    public static long? LargestFlipBelow<TPredicate>(TPredicate predicate, long current)
        where TPredicate : struct, IValuePredicate
    {
        Span<double> thresholds = stackalloc double[MaxThresholds];
        var count = predicate.Thresholds(thresholds);
        if (count < 0)
        {
            return null;
        }

        var initial = predicate.Holds(RuleValue.Of(current));
        var best = Consider(predicate, initial, current, current - 1, -1);
        foreach (var threshold in thresholds[..count])
        {
            // Thresholds beyond the current count matter only through current - 1, tried above.
            var clamped = Math.Clamp(threshold, -1, current);
            var floor = (long)Math.Floor(clamped);
            best = Consider(predicate, initial, current, floor - 1, best);
            best = Consider(predicate, initial, current, floor, best);
        }

        return best;
    }

    private static long Consider<TPredicate>(TPredicate predicate, bool initial, long current, long candidate, long best)
        where TPredicate : struct, IValuePredicate =>
        candidate >= 0 && candidate < current && candidate > best && predicate.Holds(RuleValue.Of(candidate)) != initial
            ? candidate
            : best;
}
