namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>A compiled condition.</summary>
internal abstract class BoolNode(string text)
{
    /// <summary>The condition as written (canonical form), for explanations.</summary>
    public string Text { get; } = text;

    public abstract bool Evaluate(in EvaluationContext context);

    /// <summary>The first instant after <paramref name="after"/> at which any input of this condition may change with no new event.</summary>
    public abstract long NextCandidate(in EvaluationContext context, long after);

    /// <summary>
    /// The first instant after <c>context.Now</c> at which the condition stops having the value
    /// <paramref name="current"/> (its value now), or Never. Conditions that can compute it directly override this;
    /// the default walks the candidates (see <see cref="NextChange"/>).
    /// </summary>
    public virtual long FirstChange(in EvaluationContext context, bool current) => NextChange.Of(this, context, current);

    /// <summary>Sub-conditions shown under this one in an explanation.</summary>
    public virtual IReadOnlyList<BoolNode> Children => [];

    /// <summary>The operand whose value an explanation shows next to this condition, if any.</summary>
    public virtual ValueNode? Operand => null;
}
