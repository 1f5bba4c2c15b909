namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>left and right</c> (the right side is not evaluated when the left is false).</summary>
internal sealed class AndNode(string text, BoolNode left, BoolNode right) : BoolNode(text)
{
    public override IReadOnlyList<BoolNode> Children => [left, right];

    public override bool Evaluate(in EvaluationContext context) => left.Evaluate(context) && right.Evaluate(context);

    public override long NextCandidate(in EvaluationContext context, long after) =>
        Math.Min(left.NextCandidate(context, after), right.NextCandidate(context, after));
}

/// <summary><c>left or right</c> (the right side is not evaluated when the left is true).</summary>
internal sealed class OrNode(string text, BoolNode left, BoolNode right) : BoolNode(text)
{
    public override IReadOnlyList<BoolNode> Children => [left, right];

    public override bool Evaluate(in EvaluationContext context) => left.Evaluate(context) || right.Evaluate(context);

    public override long NextCandidate(in EvaluationContext context, long after) =>
        Math.Min(left.NextCandidate(context, after), right.NextCandidate(context, after));
}

/// <summary><c>not operand</c>.</summary>
internal sealed class NotNode(string text, BoolNode operand) : BoolNode(text)
{
    public override IReadOnlyList<BoolNode> Children => [operand];

    public override bool Evaluate(in EvaluationContext context) => !operand.Evaluate(context);

    public override long NextCandidate(in EvaluationContext context, long after) => operand.NextCandidate(context, after);
}

/// <summary><c>in_segment("id")</c>: the referenced segment's rule, evaluated in place (so time and cascades are exact).</summary>
internal sealed class SegmentNode(string text, Func<BoolNode> target) : BoolNode(text)
{
    public override bool Evaluate(in EvaluationContext context) => target().Evaluate(context);

    public override long NextCandidate(in EvaluationContext context, long after) => target().NextCandidate(context, after);
}
