namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>operand contains value</c>: a list holding the value, or a string holding it as a substring.</summary>
public sealed record ContainsCondition(Operand Operand, Literal Value) : Condition;
