namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>operand between low and high</c>, both ends included.</summary>
public sealed record BetweenCondition(Operand Operand, Literal Low, Literal High) : Condition;
