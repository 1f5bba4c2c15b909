namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>left and right</c> (the right side is not evaluated when the left is false).</summary>
/// <remarks>
/// While the conjunction is false it can only turn true once every false side has changed, so its next candidate is
/// the latest of those sides' candidates; while true, the earliest of both. Skipping candidates that cannot matter
/// keeps the next-change search to a step or two for typical rules.
/// </remarks>
internal sealed class AndNode(string text, BoolNode left, BoolNode right) : BoolNode(text)
{
    public override IReadOnlyList<BoolNode> Children => [left, right];

    public override bool Evaluate(in EvaluationContext context) => left.Evaluate(context) && right.Evaluate(context);

    public override long NextCandidate(in EvaluationContext context, long after) =>
        Junction.NextCandidate(left, right, context, after, deciding: false);
}

/// <summary><c>left or right</c> (the right side is not evaluated when the left is true).</summary>
/// <remarks>The mirror of <see cref="AndNode"/>: while true, it can only turn false once every true side has changed.</remarks>
internal sealed class OrNode(string text, BoolNode left, BoolNode right) : BoolNode(text)
{
    public override IReadOnlyList<BoolNode> Children => [left, right];

    public override bool Evaluate(in EvaluationContext context) => left.Evaluate(context) || right.Evaluate(context);

    public override long NextCandidate(in EvaluationContext context, long after) =>
        Junction.NextCandidate(left, right, context, after, deciding: true);
}

/// <summary><c>not operand</c>.</summary>
internal sealed class NotNode(string text, BoolNode operand) : BoolNode(text)
{
    public override IReadOnlyList<BoolNode> Children => [operand];

    public override bool Evaluate(in EvaluationContext context) => !operand.Evaluate(context);

    public override long NextCandidate(in EvaluationContext context, long after) => operand.NextCandidate(context, after);

    public override long FirstChange(in EvaluationContext context, bool current) => operand.FirstChange(context, !current);
}

/// <summary><c>in_segment("id")</c>: the referenced segment's rule, evaluated in place (so time and cascades are exact).</summary>
internal sealed class SegmentNode(string text, Func<BoolNode> target) : BoolNode(text)
{
    public override bool Evaluate(in EvaluationContext context) => target().Evaluate(context);

    public override long NextCandidate(in EvaluationContext context, long after) => target().NextCandidate(context, after);

    public override long FirstChange(in EvaluationContext context, bool current) => target().FirstChange(context, current);
}

/// <summary>Next candidates of <c>and</c> (deciding value false) and <c>or</c> (deciding value true).</summary>
internal static class Junction
{
    public static long NextCandidate(BoolNode left, BoolNode right, in EvaluationContext context, long after, bool deciding)
    {
        var at = context.At(after);
        var leftDecides = left.Evaluate(at) == deciding;
        var rightDecides = right.Evaluate(at) == deciding;
        if (leftDecides && rightDecides)
        {
            // Both sides fix the answer: it changes only after both have changed.
            return Math.Max(left.NextCandidate(context, after), right.NextCandidate(context, after));
        }

        if (leftDecides)
        {
            return left.NextCandidate(context, after);
        }

        if (rightDecides)
        {
            return right.NextCandidate(context, after);
        }

        return Math.Min(left.NextCandidate(context, after), right.NextCandidate(context, after));
    }
}
