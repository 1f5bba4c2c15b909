namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>A compiled condition.</summary>
internal abstract class BoolNode(string text)
{
    /// <summary>The condition as written (canonical form), for explanations.</summary>
    public string Text { get; } = text;

    public abstract bool Evaluate(in EvaluationContext context);

    /// <summary>The first instant after <paramref name="after"/> at which any input of this condition may change with no new event.</summary>
    public abstract long NextCandidate(in EvaluationContext context, long after);

    /// <summary>Sub-conditions shown under this one in an explanation.</summary>
    public virtual IReadOnlyList<BoolNode> Children => [];

    /// <summary>The operand whose value an explanation shows next to this condition, if any.</summary>
    public virtual ValueNode? Operand => null;
}
