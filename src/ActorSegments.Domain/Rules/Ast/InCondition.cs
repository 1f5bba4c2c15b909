namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>operand in [a, b, ...]</c>.</summary>
public sealed record InCondition(Operand Operand, ValueList<Literal> Values) : Condition;
