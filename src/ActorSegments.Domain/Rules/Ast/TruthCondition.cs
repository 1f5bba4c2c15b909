namespace ActorSegments.Domain.Rules.Ast;

/// <summary>A yes-or-no operand used on its own, such as <c>cart.abandoned</c> or <c>trait.newsletter</c>.</summary>
public sealed record TruthCondition(Operand Operand) : Condition;
