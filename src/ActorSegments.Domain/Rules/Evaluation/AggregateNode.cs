using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Schema;

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
    /// For an aggregate over the last N seconds, the exact instant after <paramref name="after"/> at which
    /// <paramref name="predicate"/> first gives a different answer (see <see cref="WindowExitScan"/>); null for
    /// other windows, which change only when their edges age into coarser tiers.
    /// </summary>
    public long? FirstChange<TPredicate>(in EvaluationContext context, long after, TPredicate predicate)
        where TPredicate : struct, IValuePredicate =>
        window.Relative ? WindowExitScan.FirstChange(context, selection, kind, slot, window.Seconds, after, predicate) : null;
}
