using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// Values that count whole units elapsed since an anchor time (days since the last purchase, seconds a cart has been
/// open): a step function that rises by one every unit. Compared with a constant k, the answer can only change when
/// the value reaches ceil(k) or passes floor(k), so those are the only instants worth waking for.
/// </summary>
internal static class ElapsedSteps
{
    public static long Value(long anchor, long now, long unit) => UnixTime.FloorDiv(now - anchor, unit);

    /// <summary>The first instant after <paramref name="after"/> at which a comparison with any threshold may change.</summary>
    public static long NextCandidate(long anchor, long unit, long after, ReadOnlySpan<RuleValue> thresholds, bool thresholdsInSeconds)
    {
        if (thresholds.IsEmpty)
        {
            // Without thresholds every step matters: the next unit boundary.
            return anchor + ((Value(anchor, after, unit) + 1) * unit);
        }

        var next = UnixTime.Never;
        foreach (var threshold in thresholds)
        {
            var k = thresholdsInSeconds ? threshold.Seconds : threshold.Number;
            foreach (var steps in new[] { Math.Ceiling(k), Math.Floor(k) + 1 })
            {
                if (steps > long.MaxValue / unit / 2 || steps < long.MinValue / unit / 2)
                {
                    continue;
                }

                var instant = anchor + ((long)steps * unit);
                if (instant > after)
                {
                    next = Math.Min(next, instant);
                }
            }
        }

        return next;
    }
}
