using System.Buffers;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// For an aggregate over the last N seconds, finds the first instant a predicate on it changes with no new event.
/// A count only falls as buckets leave the window, so for counts it walks back from the newest bucket just far enough
/// to find the bucket whose exit takes the count past the predicate's nearest threshold. Other aggregates walk the
/// window's buckets in the order they leave it, keeping the aggregate up to date as they go: one pass instead of one
/// full re-evaluation per bucket. Buckets that leave at the same instant (finer than the window's resolution) are
/// taken together. Minimum and maximum use suffix extremes, since the buckets that remain are always the newest.
/// </summary>
internal static class WindowExitScan
{
    private const int Stride = EventSeries.Stride;

    public static long FirstChange<TPredicate>(
        in EvaluationContext context, SeriesSelection selection, AggregateKind kind, int slot, long window, long after, TPredicate predicate)
        where TPredicate : struct, IValuePredicate
    {
        if (selection.IsSingleSeries)
        {
            // The common case, without renting a buffer.
            if (selection.Single(context.State) is not { } series)
            {
                return UnixTime.Never;
            }

            var single = (series, 1);
            return FirstChange(context.Model.Tiers, new ReadOnlySpan<(EventSeries Series, int Sign)>(ref single), kind, slot, window, after, predicate);
        }

        var buffer = ArrayPool<(EventSeries Series, int Sign)>.Shared.Rent(selection.MaxParts);
        try
        {
            var k = selection.Resolve(context.State, buffer);
            return k == 0 ? UnixTime.Never : FirstChange(context.Model.Tiers, buffer.AsSpan(0, k), kind, slot, window, after, predicate);
        }
        finally
        {
            ArrayPool<(EventSeries Series, int Sign)>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static long FirstChange<TPredicate>(
        Time.TimeTiers tiers, ReadOnlySpan<(EventSeries Series, int Sign)> parts, AggregateKind kind, int slot, long window, long after, TPredicate predicate)
        where TPredicate : struct, IValuePredicate =>
        kind == AggregateKind.Count && CountChange(tiers, parts, window, after, predicate) is { } change
            ? change
            : Scan(tiers, parts, kind, slot, window, after, predicate);

    /// <summary>The first change of a predicate on a windowed count; null when the predicate is not a plain numeric one.</summary>
    private static long? CountChange<TPredicate>(
        Time.TimeTiers tiers, ReadOnlySpan<(EventSeries Series, int Sign)> parts, long window, long after, TPredicate predicate)
        where TPredicate : struct, IValuePredicate
    {
        var start = tiers.WindowStart(after, window);
        Span<int> lower = stackalloc int[parts.Length];
        Span<int> next = stackalloc int[parts.Length];
        long count = 0;
        for (var p = 0; p < parts.Length; p++)
        {
            var (series, sign) = parts[p];
            lower[p] = series.LowerBound(start);
            count += sign * series.CountBetween(start, long.MaxValue);
        }

        var initial = predicate.Holds(RuleValue.Of(count));
        while (true)
        {
            if (CountFlip.LargestFlipBelow(predicate, count) is not { } target)
            {
                return null;
            }

            if (target < 0)
            {
                return UnixTime.Never;
            }

            // Walk back from the newest buckets, a whole exit group at a time, until more than `target` events remain
            // in the window: the group just taken is the one whose exit brings the count down to `target` or below.
            for (var p = 0; p < parts.Length; p++)
            {
                next[p] = parts[p].Series.BucketCount;
            }

            var (exit, remaining) = ExitBringingCountTo(tiers, parts, lower, next, window, target);
            if (exit == UnixTime.Never || predicate.Holds(RuleValue.Of(remaining)) != initial)
            {
                return exit;
            }

            // Several events left together and jumped over the answer's change: look again from the lower count.
            count = remaining;
        }
    }

    /// <summary>The exit of the newest group whose leaving leaves at most <paramref name="target"/> events, and that count.</summary>
    private static (long Exit, long Remaining) ExitBringingCountTo(
        Time.TimeTiers tiers, ReadOnlySpan<(EventSeries Series, int Sign)> parts, ReadOnlySpan<int> lower, Span<int> next, long window, long target)
    {
        long newest = 0;
        while (true)
        {
            var exit = long.MinValue;
            for (var p = 0; p < parts.Length; p++)
            {
                if (next[p] > lower[p])
                {
                    exit = Math.Max(exit, tiers.WindowExit(parts[p].Series.BucketStarts[next[p] - 1], window));
                }
            }

            if (exit == long.MinValue)
            {
                return (UnixTime.Never, 0);
            }

            var remaining = newest;
            var groupStart = exit - window;
            for (var p = 0; p < parts.Length; p++)
            {
                var (series, sign) = parts[p];
                while (next[p] > lower[p] && series.BucketStarts[next[p] - 1] >= groupStart)
                {
                    next[p]--;
                    newest += sign * series.BucketCounts[next[p]];
                }
            }

            if (newest > target)
            {
                return (exit, remaining);
            }
        }
    }

    private static long Scan<TPredicate>(
        Time.TimeTiers tiers, ReadOnlySpan<(EventSeries Series, int Sign)> parts, AggregateKind kind, int slot, long window, long after, TPredicate predicate)
        where TPredicate : struct, IValuePredicate
    {
        var k = parts.Length;
        var start = tiers.WindowStart(after, window);
        var resolution = tiers.Resolution(tiers.TierForAge(window));

        Span<int> next = stackalloc int[k];
        long count = 0;
        double present = 0, sum = 0;
        var total = 0;
        for (var p = 0; p < k; p++)
        {
            var (series, sign) = parts[p];
            next[p] = series.LowerBound(start);
            total += series.BucketCount - next[p];
            for (var i = next[p]; i < series.BucketCount; i++)
            {
                count += sign * series.BucketCounts[i];
                if (kind != AggregateKind.Count)
                {
                    var a = series.BucketAggregates(i).Slice(slot * Stride, Stride);
                    present += sign * a[0];
                    sum += sign * a[1];
                }
            }
        }

        // Suffix extremes per part, laid out part after part.
        var extremes = kind is AggregateKind.Min or AggregateKind.Max ? ArrayPool<double>.Shared.Rent(Math.Max(1, total)) : null;
        try
        {
            Span<int> offsets = stackalloc int[k];
            if (extremes is not null)
            {
                FillSuffixExtremes(parts, next, offsets, extremes, kind, slot);
            }

            var initial = predicate.Holds(Value(kind, count, present, sum, Extreme(parts, next, offsets, extremes, kind)));
            while (true)
            {
                // The earliest exit among the parts' oldest remaining buckets.
                var exit = UnixTime.Never;
                for (var p = 0; p < k; p++)
                {
                    if (next[p] < parts[p].Series.BucketCount)
                    {
                        exit = Math.Min(exit, tiers.WindowExit(parts[p].Series.BucketStarts[next[p]], window));
                    }
                }

                if (exit == UnixTime.Never)
                {
                    return UnixTime.Never;
                }

                // Every bucket starting before the end of the window-resolution bucket that leaves now leaves with it.
                var groupEnd = exit - window + resolution;
                for (var p = 0; p < k; p++)
                {
                    var (series, sign) = parts[p];
                    while (next[p] < series.BucketCount && series.BucketStarts[next[p]] < groupEnd)
                    {
                        count -= sign * series.BucketCounts[next[p]];
                        if (kind != AggregateKind.Count)
                        {
                            var a = series.BucketAggregates(next[p]).Slice(slot * Stride, Stride);
                            present -= sign * a[0];
                            sum -= sign * a[1];
                        }

                        next[p]++;
                    }
                }

                if (predicate.Holds(Value(kind, count, present, sum, Extreme(parts, next, offsets, extremes, kind))) != initial)
                {
                    return exit;
                }
            }
        }
        finally
        {
            if (extremes is not null)
            {
                ArrayPool<double>.Shared.Return(extremes);
            }
        }
    }

    private static RuleValue Value(AggregateKind kind, long count, double present, double sum, double extreme) => kind switch
    {
        AggregateKind.Count => RuleValue.Of(count),
        _ when present <= 0 => RuleValue.Null,
        AggregateKind.Sum => RuleValue.Of(sum),
        AggregateKind.Avg => RuleValue.Of(sum / present),
        _ => double.IsInfinity(extreme) ? RuleValue.Null : RuleValue.Of(extreme),
    };

    private static void FillSuffixExtremes(ReadOnlySpan<(EventSeries Series, int Sign)> parts, ReadOnlySpan<int> from, Span<int> offsets, double[] extremes, AggregateKind kind, int slot)
    {
        var offset = 0;
        var field = kind == AggregateKind.Min ? 2 : 3;
        for (var p = 0; p < parts.Length; p++)
        {
            var series = parts[p].Series;
            offsets[p] = offset - from[p];
            var running = kind == AggregateKind.Min ? double.PositiveInfinity : double.NegativeInfinity;
            for (var i = series.BucketCount - 1; i >= from[p]; i--)
            {
                var value = series.BucketAggregates(i)[(slot * Stride) + field];
                running = kind == AggregateKind.Min ? Math.Min(running, value) : Math.Max(running, value);
                extremes[offset + (i - from[p])] = running;
            }

            offset += series.BucketCount - from[p];
        }
    }

    /// <summary>The minimum or maximum over the buckets still in the window, from the suffix extremes.</summary>
    private static double Extreme(ReadOnlySpan<(EventSeries Series, int Sign)> parts, ReadOnlySpan<int> next, ReadOnlySpan<int> offsets, double[]? extremes, AggregateKind kind)
    {
        if (extremes is null)
        {
            return 0;
        }

        var result = kind == AggregateKind.Min ? double.PositiveInfinity : double.NegativeInfinity;
        for (var p = 0; p < parts.Length; p++)
        {
            if (next[p] < parts[p].Series.BucketCount)
            {
                var value = extremes[offsets[p] + next[p]];
                result = kind == AggregateKind.Min ? Math.Min(result, value) : Math.Max(result, value);
            }
        }

        return result;
    }
}
