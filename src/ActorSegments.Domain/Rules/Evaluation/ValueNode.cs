using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>A compiled operand: computes a value for a customer at an instant.</summary>
internal abstract class ValueNode(string text, DataType type)
{
    /// <summary>The operand as written (canonical form), for explanations.</summary>
    public string Text { get; } = text;

    public DataType Type { get; } = type;

    public abstract RuleValue Evaluate(in EvaluationContext context);

    /// <summary>
    /// The first instant after <paramref name="after"/> at which the value may change with no new input, or
    /// <see cref="UnixTime.Never"/>. <paramref name="thresholds"/> are the constants the value is compared with, so a
    /// value that changes continuously (a decaying score) can name the instants when it crosses them.
    /// </summary>
    public virtual long NextCandidate(in EvaluationContext context, long after, ReadOnlySpan<RuleValue> thresholds) => UnixTime.Never;
}
