using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>operand op literal</c>.</summary>
internal sealed class CompareNode(string text, ValueNode operand, CompareOperator op, RuleValue literal) : BoolNode(text)
{
    private readonly RuleValue[] _thresholds = [literal];

    public override ValueNode Operand => operand;

    public override bool Evaluate(in EvaluationContext context) => Comparisons.Holds(operand.Evaluate(context), op, literal);

    public override long NextCandidate(in EvaluationContext context, long after) =>
        operand is AggregateNode aggregate && aggregate.FirstChange(context, after, new ComparePredicate(op, literal)) is { } exact
            ? exact
            : operand.NextCandidate(context, after, _thresholds);

    // A windowed aggregate's exit scan finds the change itself: no candidate needs checking.
    public override long FirstChange(in EvaluationContext context, bool current) =>
        operand is AggregateNode aggregate && aggregate.FirstChange(context, context.Now, new ComparePredicate(op, literal)) is { } exact
            ? exact
            : base.FirstChange(context, current);
}

/// <summary><c>operand between low and high</c>, both ends included.</summary>
internal sealed class BetweenNode(string text, ValueNode operand, RuleValue low, RuleValue high) : BoolNode(text)
{
    private readonly RuleValue[] _thresholds = [low, high];

    public override ValueNode Operand => operand;

    public override bool Evaluate(in EvaluationContext context)
    {
        var value = operand.Evaluate(context);
        return !value.IsNull && Comparisons.Ordinal(value) >= Comparisons.Ordinal(low) && Comparisons.Ordinal(value) <= Comparisons.Ordinal(high);
    }

    public override long NextCandidate(in EvaluationContext context, long after) =>
        operand is AggregateNode aggregate && aggregate.FirstChange(context, after, new BetweenPredicate(low, high)) is { } exact
            ? exact
            : operand.NextCandidate(context, after, _thresholds);

    // A windowed aggregate's exit scan finds the change itself: no candidate needs checking.
    public override long FirstChange(in EvaluationContext context, bool current) =>
        operand is AggregateNode aggregate && aggregate.FirstChange(context, context.Now, new BetweenPredicate(low, high)) is { } exact
            ? exact
            : base.FirstChange(context, current);
}

/// <summary><c>operand in [values]</c>.</summary>
internal sealed class InNode(string text, ValueNode operand, RuleValue[] values) : BoolNode(text)
{
    public override ValueNode Operand => operand;

    public override bool Evaluate(in EvaluationContext context)
    {
        var value = operand.Evaluate(context);
        foreach (var candidate in values)
        {
            if (Comparisons.Holds(value, CompareOperator.Equal, candidate))
            {
                return true;
            }
        }

        return false;
    }

    public override long NextCandidate(in EvaluationContext context, long after) =>
        operand is AggregateNode aggregate && aggregate.FirstChange(context, after, new InPredicate(values)) is { } exact
            ? exact
            : operand.NextCandidate(context, after, values);

    // A windowed aggregate's exit scan finds the change itself: no candidate needs checking.
    public override long FirstChange(in EvaluationContext context, bool current) =>
        operand is AggregateNode aggregate && aggregate.FirstChange(context, context.Now, new InPredicate(values)) is { } exact
            ? exact
            : base.FirstChange(context, current);
}

/// <summary><c>operand contains value</c>: list membership, or substring for a string.</summary>
internal sealed class ContainsNode(string text, ValueNode operand, string value) : BoolNode(text)
{
    public override ValueNode Operand => operand;

    public override bool Evaluate(in EvaluationContext context)
    {
        var current = operand.Evaluate(context);
        return current.Type switch
        {
            DataType.StringList => current.List.Contains(value),
            DataType.String => current.Text.Contains(value, StringComparison.Ordinal),
            _ => false,
        };
    }

    public override long NextCandidate(in EvaluationContext context, long after) => operand.NextCandidate(context, after, []);
}

/// <summary><c>operand exists</c>: the value is not null.</summary>
internal sealed class ExistsNode(string text, ValueNode operand) : BoolNode(text)
{
    public override ValueNode Operand => operand;

    public override bool Evaluate(in EvaluationContext context) => !operand.Evaluate(context).IsNull;

    public override long NextCandidate(in EvaluationContext context, long after) =>
        operand is AggregateNode aggregate && aggregate.FirstChange(context, after, default(ExistsPredicate)) is { } exact
            ? exact
            : operand.NextCandidate(context, after, []);

    // A windowed aggregate's exit scan finds the change itself: no candidate needs checking.
    public override long FirstChange(in EvaluationContext context, bool current) =>
        operand is AggregateNode aggregate && aggregate.FirstChange(context, context.Now, default(ExistsPredicate)) is { } exact
            ? exact
            : base.FirstChange(context, current);
}

/// <summary><c>timestamp older than D</c> (at least D ago) or <c>timestamp within D</c> (less than D ago); false for null.</summary>
internal sealed class AgeNode(string text, ValueNode operand, bool olderThan, long seconds) : BoolNode(text)
{
    public override ValueNode Operand => operand;

    public override bool Evaluate(in EvaluationContext context)
    {
        var value = operand.Evaluate(context);
        if (value.IsNull)
        {
            return false;
        }

        var age = context.Now - value.Seconds;
        return olderThan ? age >= seconds : age < seconds;
    }

    public override long NextCandidate(in EvaluationContext context, long after)
    {
        // The answer flips when the timestamp is exactly D old; the operand may also move on its own.
        var value = operand.Evaluate(context.At(after));
        var flip = value.IsNull || value.Seconds > long.MaxValue - seconds ? UnixTime.Never : value.Seconds + seconds;
        return Math.Min(flip > after ? flip : UnixTime.Never, operand.NextCandidate(context, after, []));
    }
}

/// <summary>A yes-or-no operand on its own: true when it is true (null is false).</summary>
internal sealed class TruthNode(string text, ValueNode operand) : BoolNode(text)
{
    private static readonly RuleValue[] _true = [RuleValue.Of(true)];

    public override ValueNode Operand => operand;

    public override bool Evaluate(in EvaluationContext context) => operand.Evaluate(context).IsTrue;

    public override long NextCandidate(in EvaluationContext context, long after) => operand.NextCandidate(context, after, _true);
}
