namespace ActorSegments.Domain.Rules.Ast;

/// <summary>A dotted attribute such as <c>trait.country</c>, <c>lifecycle</c>, <c>rfm.recency_score</c>, <c>cart.abandoned</c>.</summary>
public sealed record AttributeOperand(string Path) : Operand;
