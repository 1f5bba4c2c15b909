namespace ActorSegments.Domain.Rules.Ast;

public sealed record OrCondition(Condition Left, Condition Right) : Condition;
