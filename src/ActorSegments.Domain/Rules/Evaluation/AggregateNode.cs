using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>count(...)</c>, <c>sum(...)</c>, <c>avg(...)</c>, <c>min(...)</c>, <c>max(...)</c> over a selection and window.</summary>
internal sealed class AggregateNode(string text, AggregateKind kind, SeriesSelection selection, int slot, WindowSpec window)
    : ValueNode(text, DataType.Number)
{
    public override RuleValue Evaluate(in EvaluationContext context)
    {
        var (start, end) = window.Bounds(context.Model.Tiers, context.Now);
        return kind == AggregateKind.Count
            ? RuleValue.Of(selection.Count(context.State, start, end, window.IsWindowed))
            : RuleValue.Of(selection.Aggregate(context.State, slot, kind, start, end, window.IsWindowed));
    }

    public override long NextCandidate(in EvaluationContext context, long after, ReadOnlySpan<RuleValue> thresholds) =>
        window.NextCandidate(selection, context, after);

    /// <summary>
    /// For a count over the last N seconds of a single series, the exact instant after <paramref name="after"/> at
    /// which "count <paramref name="op"/> <paramref name="threshold"/>" first gives a different answer: the count only
    /// falls, one bucket (or group of buckets leaving together) at a time, so one pass over the buckets finds it. Null
    /// when this shortcut does not apply.
    /// </summary>
    public long? FirstCountChange(in EvaluationContext context, long after, Ast.CompareOperator op, double threshold)
    {
        if (kind != AggregateKind.Count || !window.Relative || !selection.IsSingleSeries)
        {
            return null;
        }

        var series = selection.Single(context.State);
        if (series is null)
        {
            return UnixTime.Never;
        }

        var tiers = context.Model.Tiers;
        var index = series.LowerBound(tiers.WindowStart(after, window.Seconds));
        long remaining = 0;
        for (var i = index; i < series.BucketCount; i++)
        {
            remaining += series.BucketCounts[i];
        }

        var initial = Comparisons.Holds(remaining, op, threshold);
        while (index < series.BucketCount)
        {
            var exit = tiers.WindowExit(series.BucketStarts[index], window.Seconds);
            // Buckets finer than the window's resolution can leave at the same instant: take them together.
            while (index < series.BucketCount && tiers.WindowExit(series.BucketStarts[index], window.Seconds) == exit)
            {
                remaining -= series.BucketCounts[index++];
            }

            if (Comparisons.Holds(remaining, op, threshold) != initial)
            {
                return exit;
            }
        }

        return UnixTime.Never;
    }
}
