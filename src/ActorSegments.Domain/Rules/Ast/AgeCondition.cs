namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>timestamp older than 30d</c> or <c>timestamp within 7d</c>, measured from now.</summary>
public sealed record AgeCondition(Operand Operand, AgeOperator Operator, long Seconds) : Condition;
