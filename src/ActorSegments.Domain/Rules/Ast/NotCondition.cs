namespace ActorSegments.Domain.Rules.Ast;

public sealed record NotCondition(Condition Operand) : Condition;
