namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>operand exists</c>: the value is known (a trait is set, an event happened, a score was computed).</summary>
public sealed record ExistsCondition(Operand Operand) : Condition;
